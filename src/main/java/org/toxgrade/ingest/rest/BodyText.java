package org.toxgrade.ingest.rest;

import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.toxgrade.fhir.FhirError;
import org.toxgrade.fhir.FhirMediaTypes;
import org.toxgrade.ingest.IngestError;

/**
 * A request body as text, in the charset its Content-Type names, UTF-8 when it names none (FHIR JSON
 * is UTF-8). A lenient decoder turns every byte that is not valid in the charset into U+FFFD, and the
 * service would store, and grade, text the sender never sent: bodies are decoded strictly and
 * refused with a 400 instead.
 */
final class BodyText {

    private BodyText() {
    }

    static String decode(byte[] body, MediaType type) {
        Charset charset = charset(type);
        if (body == null) {
            return "";
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw IngestError.BODY_NOT_TEXT.refuse(charset.name());
        }
    }

    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw FhirError.UNSUPPORTED_MEDIA_TYPE.refuse(FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON);
        }
    }
}
