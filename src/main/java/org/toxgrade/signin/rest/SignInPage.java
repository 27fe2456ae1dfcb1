package org.toxgrade.signin.rest;

/**
 * The local sign-in form: plain HTML with the service's own style sheet, no script; the authorization
 * request travels in hidden fields and is checked again when the form comes back.
 */
final class SignInPage {

    private SignInPage() {
    }

    static String html(String[] fields, String[] values, String user, String error) {
        StringBuilder hidden = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (values[i] != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(fields[i]).append("\" value=\"")
                        .append(escape(values[i])).append("\">\n");
            }
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>ToxGrade: sign in</title>
                <link rel="stylesheet" href="../app/app.css">
                </head>
                <body class="signin">
                <main>
                <h1>ToxGrade</h1>
                <p>Local sign-in of this service (for local runs; hospitals sign in at their own server).</p>
                %s
                <form method="post" action="authorize">
                %s<label>User <input name="username" id="username" value="%s" autocomplete="username" required></label>
                <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required autofocus></label>
                <button type="submit" id="sign-in">Sign in</button>
                </form>
                </main>
                </body>
                </html>
                """
                .formatted(error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>",
                        hidden, escape(user == null ? "" : user));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
