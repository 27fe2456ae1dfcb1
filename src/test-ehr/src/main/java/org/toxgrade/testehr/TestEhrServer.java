package org.toxgrade.testehr;

import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Starts the test EHR: {@code TestEhrServer <port> [<package directory>]}. The FHIR base is
 * {@code http://localhost:<port>/fhir}. A package directory (NPM layout, as {@code fhir-profiles/package}) is
 * installed as {@code ImplementationGuide/$install} would (store and install), so {@code $validate} knows its
 * profiles, ValueSets and CodeSystems. Prints {@code TEST-EHR READY <port>} once it answers.
 */
public final class TestEhrServer {

    private TestEhrServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(TestEhrConfig.class);
        RestfulServer fhir = spring.getBean(RestfulServer.class);
        Server jetty = new Server(port);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder(fhir);
        holder.setInitOrder(1);
        context.addServlet(holder, "/fhir/*");
        jetty.setHandler(context);
        jetty.start();
        if (args.length > 1) {
            install(spring.getBean(IPackageInstallerSvc.class), Path.of(args[1]));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                jetty.stop();
            } catch (Exception e) {
                // the JVM is going anyway
            }
            spring.close();
        }));
        System.out.println("TEST-EHR READY " + port);
        System.out.flush();
        jetty.join();
    }

    private static void install(IPackageInstallerSvc installer, Path packageDirectory) throws IOException {
        com.fasterxml.jackson.databind.JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(packageDirectory.resolve("package.json").toFile());
        PackageInstallationSpec spec = new PackageInstallationSpec()
                .setName(manifest.get("name").asText())
                .setVersion(manifest.get("version").asText())
                .setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
                .setFetchDependencies(false)
                .setPackageContents(tarball(packageDirectory));
        installer.install(spec);
        System.out.println("TEST-EHR INSTALLED " + spec.getName() + "#" + spec.getVersion());
    }

    /** The directory as an NPM package tarball: every file under {@code package/}. */
    static byte[] tarball(Path packageDirectory) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes));
                Stream<Path> walk = Files.walk(packageDirectory)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                String name = "package/" + packageDirectory.relativize(file).toString().replace('\\', '/');
                TarArchiveEntry entry = new TarArchiveEntry(name);
                byte[] content = Files.readAllBytes(file);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
