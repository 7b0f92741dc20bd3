package cn.onewindow.infrastructure;

/** A JVM that starts the emulators, prints the dynoxide pid and waits to be killed (see EmbeddedAwsTest). */
public final class EmbeddedAwsChild {
    static final String PID_LINE = "dynoxide-pid:";

    private EmbeddedAwsChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedAws aws = EmbeddedAws.start();
        System.out.println(PID_LINE + aws.dynamoDbServer().serverPid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
