package cn.onewindow.local.lambda;

/** The ARNs the local stand-ins give their resources, as AWS writes them (partition {@code aws-cn} in China). */
final class Arns {
    private Arns() {
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    static String of(String service, String region, String accountId, String resource) {
        String partition = region.startsWith("cn-") ? "aws-cn" : "aws";
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
