package cn.onewindow.core.access;

import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;

/**
 * Work with the applicant in person: who takes applications through which channel (同城通办), who sees the
 * applicant's identity in clear and who reads that access log, and what an agent needs to hand a result over.
 */
public final class IntakeAccess {
    private IntakeAccess() {
    }

    /** 同城通办: window staff accept any item of their own city; agents apply on behalf of villagers only. */
    public static void requireIntake(Caller caller, ServiceItem item, Channel channel) {
        switch (caller.role()) {
            case WINDOW -> {
                if (channel == Channel.VILLAGE_AGENT) {
                    throw DomainException.forbidden("CHANNEL_NOT_ALLOWED", "窗口人员不能以代办渠道提交",
                            "window staff cannot submit through the VILLAGE_AGENT channel");
                }
                if (!item.regionCode().equals(caller.cityCode())) {
                    throw DomainException.forbidden("OUT_OF_CITY", "该事项不属于本市，不能在本中心受理（同城通办仅限本市事项）",
                            "this item belongs to another city; a center accepts only items of its own city");
                }
            }
            case AGENT -> {
                if (channel != Channel.VILLAGE_AGENT) {
                    throw DomainException.forbidden("CHANNEL_NOT_ALLOWED", "代办员只能以代办渠道提交",
                            "agents submit through the VILLAGE_AGENT channel only");
                }
                if (!item.regionCode().equals(caller.cityCode())) {
                    throw DomainException.forbidden("OUT_OF_CITY", "该事项不属于本市", "this item belongs to another city");
                }
            }
            default -> throw DomainException.forbidden("FORBIDDEN", "无权受理申请", "your role may not submit applications");
        }
    }

    /** An agent (代办员) takes cases for its own service point, and a closed point takes none. */
    public static boolean takesCasesForItsPoint(Caller caller) {
        return caller.role() == Role.AGENT;
    }

    /** Window staff and agents deal with the applicant in person and see the identity in clear; others masked. */
    public static boolean seesClearIdentity(Caller caller) {
        return caller.role() == Role.WINDOW || caller.role() == Role.AGENT;
    }

    /** Who read an applicant's identity in clear (the access log): supervisors only. */
    public static boolean canReadIdentityLog(Caller caller) {
        return caller.role() == Role.SUPERVISOR;
    }

    /** An agent hands a result over for the applicant: only with the applicant's pick-up code or signature. */
    public static boolean handOverNeedsApplicantConfirmation(Caller caller) {
        return caller.role() == Role.AGENT;
    }
}
