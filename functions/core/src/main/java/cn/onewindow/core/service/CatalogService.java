package cn.onewindow.core.service;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.catalog.CatalogVersioning;
import cn.onewindow.core.catalog.ChangeType;
import cn.onewindow.core.catalog.ItemValidator;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.ports.CatalogRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Reading the catalog (everyone authenticated) and changing it (administrators), with versions. */
public final class CatalogService {
    private final CatalogRepository catalog;
    private final Clock clock;

    public CatalogService(CatalogRepository catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public ServiceItem get(String code, Integer version) {
        return (version == null ? catalog.current(code) : catalog.version(code, version))
                .orElseThrow(() -> DomainException.notFound("ITEM_NOT_FOUND", "事项不存在：" + code,
                        "no catalog item " + code + (version == null ? "" : " version " + version)));
    }

    public List<ServiceItem> list() {
        return catalog.listCurrent();
    }

    /** Stores the item as its next version when its content changed; returns the version now current. */
    public Result put(Caller caller, String code, ServiceItem proposed, ChangeType why) {
        AccessPolicy.requireAdministrator(caller);
        List<FieldError> errors = new ArrayList<>(ItemValidator.validate(proposed));
        if (proposed.code() != null && !proposed.code().equals(code)) {
            errors.add(FieldError.of("code", "CODE_MISMATCH", "请求体中的事项编码与路径不一致",
                    "the code in the body differs from the code in the path"));
        }
        if (!errors.isEmpty()) throw DomainException.validation(errors);
        ServiceItem current = catalog.current(code).orElse(null);
        ServiceItem next = CatalogVersioning.nextVersion(current, proposed, why, clock.instant());
        if (next == current) return new Result(current, false);
        catalog.saveVersion(next, current == null ? 0 : current.version());
        return new Result(next, true);
    }

    /** @param created true when a new version was stored */
    public record Result(ServiceItem item, boolean created) {
    }
}
