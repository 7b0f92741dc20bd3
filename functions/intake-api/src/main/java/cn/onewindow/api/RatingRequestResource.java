package cn.onewindow.api;

import cn.onewindow.core.evaluation.WindowRatingRequest;
import cn.onewindow.core.queue.RatingRequestService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * 请评价: window staff ask the applicant of a case to rate the service now on the rating PAD (评价器) bound to
 * their window. The PAD's side is {@link TerminalResource}.
 */
@Path("/v1/cases/{id}/rating-request")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rating-pad", description = "评价器: rating requests of a window and the PAD bound to it")
public class RatingRequestResource {
    private final RatingRequestService ratingRequestService;
    private final CurrentCaller current;

    @Inject
    public RatingRequestResource(RatingRequestService ratingRequestService, CurrentCaller current) {
        this.ratingRequestService = ratingRequestService;
        this.current = current;
    }

    /** Which window: {@code <centerId>-W01}. */
    public record WindowBody(String windowId) {
    }

    @POST
    @Operation(summary = "Ask the applicant to rate the case on the window's PAD (请评价)",
            description = "Window staff of the case's center. Once per case and window: asking again answers the "
                    + "same request (200). The case must have its result issued or delivered and be unrated.")
    @APIResponse(responseCode = "201", description = "requested", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WindowRatingRequest.class)))
    @APIResponse(responseCode = "200", description = "the same request was already open")
    @APIResponse(responseCode = "409", description = "CASE_NOT_RATEABLE, ALREADY_RATED")
    @APIResponse(responseCode = "400", description = "windowId missing or not a window of the case's center")
    public Response request(@PathParam("id") String caseId, WindowBody body) {
        CaseResource.requireBody(body);
        RatingRequestService.Requested r = ratingRequestService.request(current.get(), caseId,
                body.windowId());
        WindowRatingRequest w = r.request();
        return Response.status(r.created() ? 201 : 200).entity(w)
                .location(URI.create("/v1/cases/" + caseId + "/rating-request")).build();
    }
}
