package cn.onewindow.sdk.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.CaseQuery;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.Page;
import cn.onewindow.sdk.Paged;
import cn.onewindow.sdk.http.UrlConnectionTransport;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cursor pages over real listings, fetched lazily through the iterator and the stream. */
@ExtendWith(LocalPlatform.class)
class PaginationTest {

    @Test
    void aListingOfSeveralPagesIsWalkedLazily() {
        OneWindowClient window = LocalPlatform.client("demo-window");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(window.cases().submit(NewCase.builder().itemCode(DemoData.ITEM_HOUSEHOLD_TRANSFER)
                    .channel(Channel.WINDOW).applicant(LocalPlatform.villager())
                    .materials(Material.of("M01"), Material.of("M02"), Material.of("M03"), Material.of("M04"))
                    .build()).id());
        }

        // the transport hook counts the requests that go out
        AtomicInteger requests = new AtomicInteger();
        UrlConnectionTransport http = new UrlConnectionTransport();
        OneWindowClient counted = LocalPlatform.builder("demo-window").transport(r -> {
            requests.incrementAndGet();
            return http.execute(r);
        }).build();
        CaseQuery query = CaseQuery.builder().itemCode(DemoData.ITEM_HOUSEHOLD_TRANSFER).pageSize(3).build();
        Paged<ServiceCase> listing = counted.cases().list(query);
        assertEquals(0, requests.get(), "nothing fetched before use");

        List<String> ids = new ArrayList<>();
        for (ServiceCase c : listing) ids.add(c.id());
        assertEquals(7, ids.size(), ids.toString());
        assertEquals(created, new HashSet<>(ids), "every case once, across pages");
        assertTrue(requests.get() >= 3 && requests.get() <= 4, "pages fetched: " + requests.get());

        List<ServiceCase> sorted = listing.stream().collect(Collectors.toList());
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(!sorted.get(i).submittedAt().isAfter(sorted.get(i - 1).submittedAt()), "newest first");
        }

        requests.set(0);
        assertEquals(4, listing.stream().limit(4).count());
        assertEquals(2, requests.get(), "only the pages needed for 4 cases");

        int pages = 0;
        for (Page<ServiceCase> p : listing.pages()) {
            pages++;
            assertTrue(p.items().size() <= 3);
        }
        assertTrue(pages >= 3);
    }
}
