package cn.onewindow.local.lambda;

import java.nio.charset.StandardCharsets;

/**
 * The body {@link LocalLambdaRuntime} posts to {@code …/{requestId}/error}, as Lambda's runtime writes it:
 * {@code {"errorMessage","errorType","stackTrace":[…]}} (at most 50 frames). Runs in the child JVM: JDK only.
 */
final class RuntimeErrorJson {
    private RuntimeErrorJson() {
    }

    static byte[] of(String type, String message, Throwable cause) {
        StringBuilder sb = new StringBuilder("{\"errorMessage\":");
        quote(sb, message == null ? type : message);
        sb.append(",\"errorType\":");
        quote(sb, type);
        if (cause != null) {
            sb.append(",\"stackTrace\":[");
            StackTraceElement[] trace = cause.getStackTrace();
            for (int i = 0; i < Math.min(trace.length, 50); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                quote(sb, trace[i].toString());
            }
            sb.append(']');
        }
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}
