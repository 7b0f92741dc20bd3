package cn.onewindow.local.lambda;

/**
 * An invocation through {@link LambdaHost#invoke(String)} that did not return a result: the function threw (status
 * 500, {@link #body()} is Lambda's error JSON {@code {"errorMessage","errorType","stackTrace"}}), timed out, or the
 * host could not be reached ({@link #status()} {@code -1}).
 */
public class LambdaInvocationException extends RuntimeException {

    private final String function;
    private final int status;
    private final String body;

    public LambdaInvocationException(String function, int status, String body, Throwable cause) {
        super("invocation of " + function + " failed"
                + (status > 0 ? " with status " + status : "")
                + (body != null && !body.isEmpty() ? ": " + abbreviate(body) : "")
                + (cause != null && status <= 0 ? ": " + cause : ""), cause);
        this.function = function;
        this.status = status;
        this.body = body;
    }

    /** The function's name as given to {@link LambdaHost.Builder}. */
    public String function() {
        return function;
    }

    /** HTTP status of the local invoke call; 500 for a function error, -1 when there was no answer. */
    public int status() {
        return status;
    }

    /** Response body: for a function error, {@code {"errorMessage":…,"errorType":…,"stackTrace":[…]}}. */
    public String body() {
        return body;
    }

    private static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }
}
