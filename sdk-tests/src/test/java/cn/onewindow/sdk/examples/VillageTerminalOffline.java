package cn.onewindow.sdk.examples;

import cn.onewindow.sdk.FlushResult;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.PendingWrite;
import cn.onewindow.sdk.SentWrite;
import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;

import java.nio.file.Path;
import java.nio.file.Paths;

/** A village terminal on a weak link: writes go to a durable outbox first and out when the link allows. */
public class VillageTerminalOffline {

    public static void main(String[] args) {
        Path dir = Paths.get(args.length > 1 ? args[1] : System.getProperty("user.home"), ".onewindow-outbox");
        OneWindowClient client = OneWindowClient.builder()
                .baseUrl(args.length > 0 ? args[0] : "http://localhost:8080")
                .token("demo-agent")
                .outbox(dir)
                .build();
        queueApplication(client, Applicant.person("赵六", "330110197511200044", "13912345678"));
        sendWhatWaits(client);
    }

    /** Stored on disk at once, whether or not the link is up. */
    public static PendingWrite queueApplication(OneWindowClient client, Applicant villager) {
        return client.outbox().submit(NewCase.builder()
                .itemCode("330100-XK-0101")
                .channel(Channel.VILLAGE_AGENT)
                .applicant(villager)
                .materials(Material.of("M01"), Material.of("M02"), Material.of("M03"), Material.of("M04"))
                .build());
    }

    /** Call on start-up and whenever the link comes back: in order, each write exactly once. */
    public static FlushResult sendWhatWaits(OneWindowClient client) {
        FlushResult r = client.outbox().flush();
        for (SentWrite s : r.sent()) {
            System.out.println("sent: " + s.write().description() + " → " + s.serviceCase().id() + " "
                    + s.serviceCase().statusName());
        }
        for (PendingWrite refused : r.failed()) {
            System.out.println("refused: " + refused.description() + ": " + refused.failure().messageZh());
        }
        if (r.stoppedBy() != null) {
            System.out.println(r.remaining() + " write(s) still waiting: " + r.stoppedBy().messageZh());
        }
        return r;
    }
}
