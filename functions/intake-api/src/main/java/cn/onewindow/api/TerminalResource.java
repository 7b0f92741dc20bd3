package cn.onewindow.api;

import cn.onewindow.core.queue.RatingRequestService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The rating PAD (评价器): the PAD bound to a window polls its window's open rating requests
 * ({@code ETag} / {@code 304}) and sends the ratings, each with its request's rating token as
 * {@code applicantConfirmation}, through {@code POST /v1/evaluation-batches} (or the single route); administrators
 * bind a PAD to a window.
 */
@Path("/v1/terminals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rating-pad", description = "评价器: rating requests of a window and the PAD bound to it")
public class TerminalResource {
    private final RatingRequestService ratingRequestService;
    private final CurrentCaller current;
    private final ObjectMapper json;

    @Inject
    public TerminalResource(RatingRequestService ratingRequestService, CurrentCaller current, ObjectMapper json) {
        this.ratingRequestService = ratingRequestService;
        this.current = current;
        this.json = json;
    }

    public record Binding(String terminalId, String windowId) {
    }

    @GET
    @Path("/current/rating-requests")
    @Operation(summary = "The open rating requests of the window this PAD is bound to",
            description = "TERMINAL callers. Oldest first, at most 20, without cases rated meanwhile; each with the "
                    + "rating token the PAD sends as applicantConfirmation. ETag; If-None-Match gives 304 while "
                    + "nothing changed.")
    @APIResponse(responseCode = "200", description = "the PAD's window and its open requests",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingRequestService.PadView.class)))
    @APIResponse(responseCode = "304", description = "unchanged")
    @APIResponse(responseCode = "404", description = "TERMINAL_NOT_BOUND")
    public Response pending(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch)
            throws JsonProcessingException {
        RatingRequestService.PadView view = ratingRequestService.pending(current.get());
        return ConditionalGet.answer(view, json.writeValueAsBytes(view.timeless()), ifNoneMatch);
    }

    @PUT
    @Path("/{terminalId}/window")
    @Operation(summary = "Bind a rating PAD (a TERMINAL caller) to a window of its center", description = "ADMIN.")
    @APIResponse(responseCode = "200", description = "bound")
    @APIResponse(responseCode = "404", description = "TERMINAL_NOT_FOUND")
    @APIResponse(responseCode = "400", description = "UNKNOWN_WINDOW")
    public Binding bind(@PathParam("terminalId") String terminalId, RatingRequestResource.WindowBody body) {
        CaseResource.requireBody(body);
        return new Binding(terminalId, ratingRequestService.bind(current.get(), terminalId,
                body.windowId()));
    }
}
