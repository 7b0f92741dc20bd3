package cn.onewindow.sdk.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A working-day calendar year of a region: holidays and make-up working days.
 */
public final class CalendarYear {
    private final String region;
    private final Integer year;
    private final List<LocalDate> holidays;
    private final List<LocalDate> makeupWorkdays;

    private CalendarYear(Builder b) {
        this.region = b.region;
        this.year = b.year;
        this.holidays = Lists.copy(b.holidays);
        this.makeupWorkdays = Lists.copy(b.makeupWorkdays);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.region = region;
        b.year = year;
        b.holidays = holidays;
        b.makeupWorkdays = makeupWorkdays;
        return b;
    }

    /** @return region code, e.g. {@code CN} */
    public String region() {
        return region;
    }

    /** @return the year */
    public Integer year() {
        return year;
    }

    /** @return days off (never {@code null}; empty when absent) */
    public List<LocalDate> holidays() {
        return holidays;
    }

    /** @return weekend days that are worked (调休) (never {@code null}; empty when absent) */
    public List<LocalDate> makeupWorkdays() {
        return makeupWorkdays;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof CalendarYear)) return false;
        CalendarYear that = (CalendarYear) o;
        return Objects.equals(region, that.region)
                && Objects.equals(year, that.year)
                && Objects.equals(holidays, that.holidays)
                && Objects.equals(makeupWorkdays, that.makeupWorkdays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, year, holidays, makeupWorkdays);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("CalendarYear{");
        s.append("region=").append(region);
        s.append(", year=").append(year);
        s.append(", holidays=").append(holidays);
        s.append(", makeupWorkdays=").append(makeupWorkdays);
        return s.append('}').toString();
    }

    /** Builds a {@link CalendarYear}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String region;
        private Integer year;
        private List<LocalDate> holidays;
        private List<LocalDate> makeupWorkdays;

        private Builder() {
        }

        /** @param value region code, e.g. {@code CN} @return this builder */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /** @param value the year @return this builder */
        public Builder year(Integer value) {
            this.year = value;
            return this;
        }

        /** @param values days off @return this builder */
        public Builder holidays(List<LocalDate> values) {
            this.holidays = values;
            return this;
        }

        /** @param values days off @return this builder */
        public Builder holidays(LocalDate... values) {
            this.holidays = Lists.of(values);
            return this;
        }

        /** @param values weekend days that are worked (调休) @return this builder */
        public Builder makeupWorkdays(List<LocalDate> values) {
            this.makeupWorkdays = values;
            return this;
        }

        /** @param values weekend days that are worked (调休) @return this builder */
        public Builder makeupWorkdays(LocalDate... values) {
            this.makeupWorkdays = Lists.of(values);
            return this;
        }

        /** @return the immutable object */
        public CalendarYear build() {
            return new CalendarYear(this);
        }
    }
}
