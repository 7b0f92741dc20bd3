package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static cn.onewindow.sdk.StubServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagedTest {
    StubServer server;

    @BeforeEach
    void start() throws IOException {
        server = new StubServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    void script() {
        server.then(json(200, "{\"items\":[{\"taskId\":\"T1\"},{\"taskId\":\"T2\"}],\"nextCursor\":\"c/2+=\"}"))
                .then(json(200, "{\"items\":[{\"taskId\":\"T3\"}],\"nextCursor\":\"c3\"}"))
                .then(json(200, "{\"items\":[],\"nextCursor\":\"c4\"}"))
                .then(json(200, "{\"items\":[{\"taskId\":\"T4\"}],\"nextCursor\":null}"));
    }

    OneWindowClient client() {
        return OneWindowClient.builder().baseUrl(server.url()).token("demo-dept-fgw").build();
    }

    @Test
    void pagesAreFetchedOnlyWhenNeeded() {
        script();
        Paged<Task> tasks = client().tasks().list("fgw", null, 2);
        assertTrue(server.received.isEmpty(), "nothing is fetched before iterating");
        List<String> firstTwo = tasks.stream().limit(2).map(Task::taskId).collect(Collectors.toList());
        assertEquals(Arrays.asList("T1", "T2"), firstTwo);
        assertEquals(1, server.received.size(), "stopping early fetches no further page");
    }

    @Test
    void iterationFollowsTheCursorThroughEveryPage() {
        script();
        List<String> all = new ArrayList<>();
        for (Task t : client().tasks().list("fgw", null, 2)) all.add(t.taskId());
        assertEquals(Arrays.asList("T1", "T2", "T3", "T4"), all);
        assertEquals(4, server.received.size());
        assertEquals("/v1/departments/fgw/tasks?limit=2", server.received.get(0).uri);
        assertEquals("/v1/departments/fgw/tasks?limit=2&cursor=c%2F2%2B%3D", server.received.get(1).uri);
        assertEquals("/v1/departments/fgw/tasks?limit=2&cursor=c4", server.received.get(3).uri);
    }

    @Test
    void pagesCanBeReadOneByOne() {
        script();
        int pages = 0;
        for (Page<Task> p : client().tasks().list("fgw", null, 2).pages()) {
            pages++;
            if (!p.hasNext()) assertEquals("T4", p.items().get(0).taskId());
        }
        assertEquals(4, pages);
    }
}
