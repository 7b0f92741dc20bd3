package cn.onewindow.api;

import cn.onewindow.aws.SnapStartPriming;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intake API's SnapStart priming sends its request through the real Lambda HTTP bridge of the started
 * application: the token lookup refuses the bearer value (401), and the step is registered with the function's
 * other priming, so a checkpoint runs both.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class HttpPrimingTest {

    @Inject
    HttpPriming priming;

    @Test
    void thePrimingRequestCrossesTheBridgeAndIsRefusedAsAnUnknownToken() {
        assertEquals(401, priming.prime());
        // a second time too (a snapshot may be taken again after a failed attempt)
        assertEquals(401, priming.prime());
    }

    @Test
    void theJsonBindingOfTheResourcesBodiesIsBuilt() {
        // typed answers (CasePage, CaseView, List<ItemDto>, …) and request bodies (IntakeRequest, …): more than 40
        int bound = priming.primeJsonBinding();
        assertTrue(bound > 40, "bound only " + bound);
    }

    @Test
    void aCheckpointRunsThePlatformReadAndTheHttpRequest() {
        assertTrue(SnapStartPriming.primeAll() >= 2, "the platform's read and the HTTP request");
    }
}
