package cn.onewindow.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfficeHoursTest {

    @Test
    void standardHours() {
        OfficeHours h = OfficeHours.standard();
        assertEquals(LocalTime.of(18, 0), h.closeOfBusiness());
        assertEquals(420, h.minutesPerDay()); // 3 h morning + 4 h afternoon
        assertEquals(2, h.intervals().size());
    }

    @Test
    void rejectsEmptyUnsortedOverlappingAndBackwards() {
        assertThrows(IllegalArgumentException.class, () -> new OfficeHours(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new OfficeHours(null));
        assertThrows(IllegalArgumentException.class,
                () -> OfficeHours.of(LocalTime.of(14, 0), LocalTime.of(18, 0), LocalTime.of(9, 0), LocalTime.of(12, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> OfficeHours.of(LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(12, 0), LocalTime.of(18, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> new OfficeHours.TimeRange(LocalTime.of(12, 0), LocalTime.of(9, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> new OfficeHours.TimeRange(LocalTime.of(9, 0), LocalTime.of(9, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> new OfficeHours.TimeRange(LocalTime.of(9, 0, 30), LocalTime.of(12, 0)));
    }

    @Test
    void singleIntervalAndCustomCloseOfBusiness() {
        OfficeHours h = OfficeHours.of(LocalTime.of(8, 30), LocalTime.of(17, 30));
        assertEquals(LocalTime.of(17, 30), h.closeOfBusiness());
        assertEquals(540, h.minutesPerDay());
    }
}
