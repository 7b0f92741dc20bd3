package cn.onewindow.core.points;

import cn.onewindow.core.calendar.OfficeHours;

/**
 * A service center (政务服务中心) or service point with its own office hours.
 *
 * @param cityCode       6-digit city region code: the 同城通办 scope
 * @param calendarRegion the working-day calendar it follows (e.g. {@code CN})
 */
public record ServiceCenter(String id, String name, String cityCode, String calendarRegion, OfficeHours officeHours) {
}
