package cn.onewindow.api;

import cn.onewindow.api.dto.ItemDto;
import cn.onewindow.core.catalog.ChangeType;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.service.CatalogService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The service item catalog (事项目录): read by every caller, versioned changes by administrators. */
@Path("/v1/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ItemResource {

    private final CatalogService catalogService;
    private final CurrentCaller current;
    private final ApiMapper mapper;

    @Inject
    public ItemResource(CatalogService catalogService, CurrentCaller current, ApiMapper mapper) {
        this.catalogService = catalogService;
        this.current = current;
        this.mapper = mapper;
    }

    @GET
    public List<ItemDto> list() {
        current.get();
        return catalogService.list().stream().map(mapper::toDto).toList();
    }

    @GET
    @Path("/{code}")
    public ItemDto get(@PathParam("code") String code, @QueryParam("version") Integer version) {
        current.get();
        return mapper.toDto(catalogService.get(code, version));
    }

    /**
     * Adds or changes an item. A new version is made only when the content differs (201); an identical PUT is
     * answered 200 with the current version. {@code changeType} may say DELEGATED or CANCELLED.
     */
    @PUT
    @Path("/{code}")
    public Response put(@PathParam("code") String code, ItemDto body) {
        CaseResource.requireBody(body);
        Validator v = new Validator();
        v.notNull(body.legalDays(), "legalDays").notNull(body.promisedDays(), "promisedDays");
        if (body.materials() != null) {
            for (int i = 0; i < body.materials().size(); i++) {
                ItemDto.MaterialDto m = body.materials().get(i);
                if (m == null) {
                    v.notNull(null, "materials[" + i + "]");
                    continue;
                }
                v.notNull(m.copies(), "materials[" + i + "].copies").notNull(m.mandatory(), "materials[" + i + "].mandatory");
            }
        }
        if (body.departments() != null) {
            for (int i = 0; i < body.departments().size(); i++) {
                v.notNull(body.departments().get(i), "departments[" + i + "]");
            }
        }
        v.throwIfInvalid();
        ChangeType why = body.changeType() == ChangeType.ADDED || body.changeType() == ChangeType.CHANGED
                ? null : body.changeType();
        if (why == ChangeType.CANCELLED && body.status() != cn.onewindow.core.catalog.ItemStatus.CANCELLED) {
            throw DomainException.validation(List.of(FieldError.of("status", "CANCEL_NEEDS_STATUS",
                    "取消事项时 status 须为 CANCELLED", "a cancellation sets status CANCELLED")));
        }
        CatalogService.Result r = catalogService.put(current.get(), code, mapper.toItem(body), why);
        return Response.status(r.created() ? 201 : 200).entity(mapper.toDto(r.item())).build();
    }
}
