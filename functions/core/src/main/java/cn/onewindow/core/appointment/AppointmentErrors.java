package cn.onewindow.core.appointment;

import cn.onewindow.core.common.DomainException;

/** The errors the booking use cases answer with, each with its stable code. */
final class AppointmentErrors {
    /** A conditional write lost to a concurrent change is tried again this often (each re-reads first). */
    static final int ROUNDS = 10;

    private AppointmentErrors() {
    }

    static DomainException slotFull() {
        return DomainException.conflict("SLOT_FULL", "该时段已约满，请选择其他时段", "the slot is fully booked");
    }

    /** An unknown id and a wrong booking code answer alike. */
    static DomainException notFound() {
        return DomainException.notFound("APPOINTMENT_NOT_FOUND", "预约号或预约码不正确",
                "no appointment with this id and booking code");
    }

    static DomainException centerNotFound(String centerId) {
        return DomainException.notFound("APPOINTMENT_CENTER_NOT_FOUND", "该中心不提供预约",
                "center " + centerId + " takes no bookings");
    }

    static DomainException categoryGone(String category) {
        return DomainException.illegalState("UNKNOWN_CATEGORY", "本中心已不再办理此类别：" + category,
                "the center no longer has category " + category);
    }

    static DomainException changed() {
        return DomainException.conflict("CONCURRENT_UPDATE", "预约正被修改，请重试", "the appointment changed; retry");
    }
}
