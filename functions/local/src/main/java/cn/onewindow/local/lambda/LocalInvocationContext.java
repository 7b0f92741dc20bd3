package cn.onewindow.local.lambda;

import java.time.Instant;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The {@link Context} {@link LocalLambdaRuntime} hands the handler: from the invocation's headers (request id,
 * deadline, invoked ARN) and the Lambda environment {@link InstanceLauncher} set. Runs in the child JVM: JDK and
 * {@code aws-lambda-java-core} only.
 */
final class LocalInvocationContext implements Context {
    private final String requestId;
    private final long deadline;
    private final String invokedArn;

    LocalInvocationContext(String requestId, long deadline, String invokedArn) {
        this.requestId = requestId;
        this.deadline = deadline;
        this.invokedArn = invokedArn;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return System.getenv("AWS_LAMBDA_LOG_GROUP_NAME");
    }

    @Override
    public String getLogStreamName() {
        return System.getenv("AWS_LAMBDA_LOG_STREAM_NAME");
    }

    @Override
    public String getFunctionName() {
        return System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    }

    @Override
    public String getFunctionVersion() {
        return LocalLambdaRuntime.env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        try {
            return Integer.parseInt(LocalLambdaRuntime.env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"));
        } catch (NumberFormatException e) {
            return 1024;
        }
    }

    @Override
    public LambdaLogger getLogger() {
        return StdoutLogger.INSTANCE;
    }

    @Override
    public String toString() {
        return "InvocationContext[" + requestId + ", deadline " + Instant.ofEpochMilli(deadline) + "]";
    }

    /** Lambda's context logger writes to the function's log stream, which is stdout here. */
    static final class StdoutLogger implements LambdaLogger {
        static final StdoutLogger INSTANCE = new StdoutLogger();

        @Override
        public void log(String message) {
            System.out.print(message);
            System.out.flush();
        }

        @Override
        public void log(byte[] message) {
            System.out.write(message, 0, message.length);
            System.out.flush();
        }
    }
}
