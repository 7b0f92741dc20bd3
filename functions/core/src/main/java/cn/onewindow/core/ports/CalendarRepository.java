package cn.onewindow.core.ports;

import cn.onewindow.core.calendar.CalendarYear;

import java.util.List;

/** Working-day calendars, per region and year: data an administrator loads. */
public interface CalendarRepository {

    List<CalendarYear> years(String region);

    void put(CalendarYear year);
}
