package cn.onewindow.sdk.examples;

import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** A village agent (代办员) applying for a villager and following the case to the hand-over. */
public class VillageAgent {

    public static void main(String[] args) {
        OneWindowClient client = OneWindowClient.builder()
                .baseUrl(args.length > 0 ? args[0] : "http://localhost:8080")
                .token("demo-agent")
                .userAgent("village-terminal/1.0")
                .build();
        Applicant villager = Applicant.person("王五", "330110198003150022", "13812345678");

        ServiceCase c = apply(client, villager);
        c = answerNotice(client, c);
        System.out.println("accepted, due " + c.dueAtLocal());

        // follow the case until the result is ready (the window decides and issues it)
        Optional<ServiceCase> ready = client.cases().awaitStatus(c.id(), Duration.ofHours(8), Duration.ofMinutes(1),
                CaseStatus.RESULT_READY, CaseStatus.DENIED);
        if (ready.isPresent()) deliverReadyResults(client);
    }

    /** 林木零星采伐许可, submitted without the proof of ownership (M03). */
    public static ServiceCase apply(OneWindowClient client, Applicant villager) {
        ServiceCase c = client.cases().submit(NewCase.builder()
                .itemCode("330100-XK-0101")
                .channel(Channel.VILLAGE_AGENT)
                .applicant(villager)
                .materials(Material.of("M01"), Material.of("M02"), Material.of("M04"))
                .build());
        System.out.println(c.id() + " " + c.statusName());    // 待补正: a one-time notice lists what is missing
        if (c.status() == CaseStatus.AWAITING_MATERIALS) {
            System.out.println(c.notice().title() + ": " + c.notice().missing());
        }
        return c;
    }

    /** Brings every material the one-time notice asked for; the case is accepted and its clock starts. */
    public static ServiceCase answerNotice(OneWindowClient client, ServiceCase c) {
        if (c.status() != CaseStatus.AWAITING_MATERIALS) return c;
        Material[] materials = new Material[c.missing().size()];
        for (int i = 0; i < materials.length; i++) materials[i] = Material.of(c.missing().get(i));
        return client.cases().supplement(c.id(), Arrays.asList(materials));
    }

    /** Every case of this service point whose result is ready: fetch it, hand it over, record the delivery. */
    public static int deliverReadyResults(OneWindowClient client) {
        int delivered = 0;
        for (ServiceCase c : client.cases().resultsReady()) {
            ServiceCase done = client.cases().deliver(c.id(), c.applicant().name() + "本人", "签字确认");
            System.out.println(done.id() + " " + done.statusName() + " " + done.deliveredAt());
            delivered++;
        }
        return delivered;
    }
}
