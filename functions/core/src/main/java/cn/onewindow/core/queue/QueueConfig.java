package cn.onewindow.core.queue;

import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.common.DomainException;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A center's queue configuration (排队叫号配置): business categories (a one-letter prefix and a name), the windows and
 * the categories each calls (a comprehensive window lists them all), the green-lane categories that give priority,
 * how many calls a ticket gets before it is dropped, the hours tickets are issued, and the appointment slot rule of
 * each category.
 *
 * @param noShowCallLimit calls after which a no-show drops the ticket (before that it goes back to the queue's end)
 * @param opensAt         tickets are issued from here on a working day of the calendar (numbers start again at 1)
 * @param closesAt        and until here
 * @param version         stored version (0 before the first store)
 */
public record QueueConfig(String centerId, List<Category> categories, List<Window> windows, List<String> greenLane,
                          int noShowCallLimit, LocalTime opensAt, LocalTime closesAt, List<SlotRule> slots,
                          long version) {
    public static final int MAX_CATEGORIES = 26;
    public static final int MAX_WINDOWS = 99;
    public static final int MAX_GREEN_LANE = 20;

    public QueueConfig {
        categories = categories == null ? List.of() : List.copyOf(categories);
        windows = windows == null ? List.of() : List.copyOf(windows);
        greenLane = greenLane == null ? List.of() : List.copyOf(greenLane);
        slots = slots == null ? List.of() : List.copyOf(slots);
    }

    /**
     * A business category (业务类别): its ticket prefix ({@code A}), name ({@code 综合业务}) and optionally the minutes
     * a service usually takes ({@code serviceMinutes}, 1–240), the estimated wait's basis until the category has
     * finished tickets that day (without it {@link QueueFigures#DEFAULT_SERVICE_MINUTES}).
     */
    public record Category(String prefix, String name, Integer serviceMinutes) {
    }

    /** A window (窗口): its number as announced ("3 号窗口"), a name, and the categories it calls. */
    public record Window(int number, String name, List<String> categories) {
        public Window {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /** The appointment slots of a category: each {@code minutes} long, {@code capacity} bookings each. */
    public record SlotRule(String category, int minutes, int capacity) {
    }

    /** The id of a window of a center: {@code <centerId>-W03}. */
    public static String windowId(String centerId, int number) {
        return centerId + "-W" + (number < 10 ? "0" + number : Integer.toString(number));
    }

    /** The center and number a window id names, if it is one. */
    public static Optional<WindowRef> parseWindowId(String windowId) {
        if (windowId == null) return Optional.empty();
        int at = windowId.lastIndexOf("-W");
        if (at <= 0 || !windowId.substring(at + 2).matches("\\d{2,3}")) return Optional.empty();
        return Optional.of(new WindowRef(windowId.substring(0, at), Integer.parseInt(windowId.substring(at + 2))));
    }

    public record WindowRef(String centerId, int number) {
    }

    public Optional<Category> category(String prefix) {
        return categories.stream().filter(c -> c.prefix().equals(prefix)).findFirst();
    }

    public Optional<Window> window(int number) {
        return windows.stream().filter(w -> w.number() == number).findFirst();
    }

    /** The windows that call a category. */
    public long windowsFor(String prefix) {
        return windows.stream().filter(w -> w.categories().contains(prefix)).count();
    }

    public QueueConfig withVersion(long v) {
        return new QueueConfig(centerId, categories, windows, greenLane, noShowCallLimit, opensAt, closesAt, slots, v);
    }

    /** Refuses an inconsistent configuration with every field at fault. */
    public void validate() {
        Validator v = new Validator();
        v.require(!categories.isEmpty(), "categories", "REQUIRED", "至少配置一个业务类别", "at least one category");
        v.require(categories.size() <= MAX_CATEGORIES, "categories", "TOO_MANY", "业务类别过多", "at most 26 categories");
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            Category c = categories.get(i);
            String f = "categories[" + i + "]";
            if (c == null) {
                v.require(false, f, "REQUIRED", "必填", "is required");
                continue;
            }
            v.require(c.prefix() != null && c.prefix().matches("[A-Z]"), f + ".prefix", "INVALID_VALUE",
                    "类别前缀应为一个大写字母", "a prefix is one capital letter");
            v.require(c.prefix() == null || prefixes.add(c.prefix()), f + ".prefix", "DUPLICATE",
                    "类别前缀重复", "prefixes are unique");
            v.notBlank(c.name(), f + ".name").maxLength(c.name(), 100, f + ".name");
            if (c.serviceMinutes() != null) v.range(c.serviceMinutes(), 1, 240, f + ".serviceMinutes");
        }
        v.require(!windows.isEmpty(), "windows", "REQUIRED", "至少配置一个窗口", "at least one window");
        v.require(windows.size() <= MAX_WINDOWS, "windows", "TOO_MANY", "窗口过多", "at most 99 windows");
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            String f = "windows[" + i + "]";
            if (w == null) {
                v.require(false, f, "REQUIRED", "必填", "is required");
                continue;
            }
            v.range(w.number(), 1, 999, f + ".number");
            v.require(numbers.add(w.number()), f + ".number", "DUPLICATE", "窗口号重复", "window numbers are unique");
            v.maxLength(w.name(), 100, f + ".name");
            v.require(!w.categories().isEmpty(), f + ".categories", "REQUIRED", "窗口至少办理一个类别",
                    "a window calls at least one category");
            v.require(w.categories().size() <= MAX_CATEGORIES, f + ".categories", "TOO_MANY", "过多", "too many");
            for (String c : w.categories()) {
                v.require(prefixes.contains(c), f + ".categories", "UNKNOWN_CATEGORY", "没有此业务类别：" + c,
                        "no category " + c);
            }
        }
        v.require(greenLane.size() <= MAX_GREEN_LANE, "greenLane", "TOO_MANY", "过多", "too many");
        greenLane.forEach(g -> v.require(g != null && g.matches("[A-Z_]{1,32}"), "greenLane", "INVALID_VALUE",
                "绿色通道类别应为大写字母代码", "green-lane categories are codes such as ELDERLY"));
        v.range(noShowCallLimit, 1, 10, "noShowCallLimit");
        v.notNull(opensAt, "opensAt").notNull(closesAt, "closesAt");
        v.require(opensAt == null || closesAt == null || opensAt.isBefore(closesAt), "closesAt", "OUT_OF_RANGE",
                "结束时间应晚于开始时间", "closesAt is after opensAt");
        Set<String> slotted = new HashSet<>();
        for (int i = 0; i < slots.size(); i++) {
            SlotRule s = slots.get(i);
            String f = "slots[" + i + "]";
            if (s == null) {
                v.require(false, f, "REQUIRED", "必填", "is required");
                continue;
            }
            v.require(prefixes.contains(s.category()) && slotted.add(s.category()), f + ".category",
                    "UNKNOWN_CATEGORY", "没有此业务类别或重复", "an existing category, once");
            v.range(s.minutes(), 5, 240, f + ".minutes").range(s.capacity(), 1, 100, f + ".capacity");
        }
        v.throwIfInvalid();
    }

    static DomainException unknownCategory(String prefix) {
        return DomainException.validation(List.of(FieldError.of("category", "UNKNOWN_CATEGORY",
                "本中心没有此业务类别：" + prefix, "the center has no category " + prefix)));
    }

    static List<String> copy(List<String> in) {
        return in == null ? List.of() : new ArrayList<>(in);
    }
}
