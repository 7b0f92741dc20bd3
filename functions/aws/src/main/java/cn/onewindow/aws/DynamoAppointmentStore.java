package cn.onewindow.aws;

import cn.onewindow.core.appointment.Appointment;
import cn.onewindow.core.appointment.AppointmentStatus;
import cn.onewindow.core.appointment.AppointmentStore;
import cn.onewindow.core.notify.Notification;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import static cn.onewindow.aws.Attr.key;
import static cn.onewindow.aws.Attr.n;
import static cn.onewindow.aws.Attr.num;
import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;

/**
 * Appointments in the cases table: the booking {@code APPT#<id>} / {@code META} (versioned); per slot a place
 * counter {@code APPTSLOT#<center>#<category>#<date>} / {@code <HH:mm>} ({@code taken}, raised only below the
 * capacity); per person and category a lock {@code APPTLOCK#<lockKey>} / {@code LOCK} held by the active booking;
 * per day the entries of the active bookings {@code APPTDAY#<date>} / {@code <center>#<HH:mm>#<id>} (what the sweep
 * reads); per person the no-shows {@code NOSHOW#<applicantKey>} / {@code <date>#<id>}. Every change of a booking
 * moves its counter, lock and entries in the same conditional transaction, so a slot is never overbooked and a
 * person never holds two active bookings of a category, however many book at once. The reminder goes into the
 * notification outbox under {@code CASE#<appointment id>}, like a case's notifications.
 */
public final class DynamoAppointmentStore implements AppointmentStore {
    private final DynamoDbClient db;
    private final String cases;

    public DynamoAppointmentStore(DynamoDbClient db, String casesTable) {
        this.db = db;
        this.cases = casesTable;
    }

    @Override
    public Optional<Appointment> find(String id) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(cases).key(key("APPT#" + id, "META"))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(Json.read(str(item, "doc"), Appointment.class));
    }

    @Override
    public Map<LocalTime, Integer> booked(String centerId, String category, LocalDate date) {
        Map<LocalTime, Integer> out = new TreeMap<>();
        for (Map<String, AttributeValue> i : query(slotPk(centerId, category, date), null)) {
            out.put(LocalTime.parse(str(i, "sk")), (int) num(i, "taken"));
        }
        return out;
    }

    @Override
    public Outcome book(Appointment a, int capacity) {
        List<TransactWriteItem> w = new ArrayList<>();
        w.add(takePlace(a, capacity));
        Map<String, AttributeValue> lock = new HashMap<>(key(lockPk(a), "LOCK"));
        lock.put("appointmentId", s(a.id()));
        w.add(put(lock, p -> p.conditionExpression("attribute_not_exists(pk)")));
        w.add(put(item(a), p -> p.conditionExpression("attribute_not_exists(pk)")));
        w.add(put(dayEntry(a), p -> { }));
        return write(w, Outcome.SLOT_FULL, Outcome.ALREADY_BOOKED, Outcome.CHANGED);
    }

    @Override
    public Outcome reschedule(Appointment before, Appointment after, int capacity) {
        Appointment stored = after.withVersion(before.version() + 1);
        List<TransactWriteItem> w = new ArrayList<>();
        w.add(takePlace(stored, capacity));
        w.add(put(item(stored), versioned(before)));
        w.add(freePlace(before));
        w.add(TransactWriteItem.builder().delete(d -> d.tableName(cases).key(dayKey(before))).build());
        w.add(put(dayEntry(stored), p -> { }));
        return write(w, Outcome.SLOT_FULL, Outcome.CHANGED);
    }

    @Override
    public Outcome close(Appointment before, Appointment after) {
        Appointment stored = after.withVersion(before.version() + 1);
        List<TransactWriteItem> w = new ArrayList<>();
        w.add(put(item(stored), versioned(before)));
        w.add(TransactWriteItem.builder().delete(d -> d.tableName(cases).key(key(lockPk(before), "LOCK"))).build());
        w.add(TransactWriteItem.builder().delete(d -> d.tableName(cases).key(dayKey(before))).build());
        if (stored.status() == AppointmentStatus.CANCELLED) w.add(freePlace(before));
        if (stored.status() == AppointmentStatus.NO_SHOW) {
            Map<String, AttributeValue> ns = new HashMap<>(key("NOSHOW#" + before.applicantKey(),
                    before.date() + "#" + before.id()));
            ns.put("centerId", s(before.centerId()));
            w.add(put(ns, p -> { }));
        }
        return write(w, Outcome.CHANGED);
    }

    @Override
    public Outcome update(Appointment before, Appointment after) {
        return write(List.of(put(item(after.withVersion(before.version() + 1)), versioned(before))), Outcome.CHANGED);
    }

    @Override
    public Outcome remind(Appointment before, Appointment after, Notification n) {
        Map<String, AttributeValue> ni = new HashMap<>(key(DynamoCaseRepository.casePk(n.caseId()),
                "NOTIFY#" + DynamoCaseRepository.sortable(n.createdAt()) + "#" + n.id()));
        ni.put("dueBucket", s(DynamoCaseRepository.NOTIFY_PREFIX + DynamoCaseRepository.dueBucket(n.createdAt())));
        ni.put("dueKey", s(DynamoCaseRepository.sortable(n.createdAt()) + "#" + n.id()));
        ni.put("doc", s(Json.write(n.withPhone(null)))); // no phone in the outbox: the relay opens the booking's
        return write(List.of(put(item(after.withVersion(before.version() + 1)), versioned(before)),
                put(ni, p -> p.conditionExpression("attribute_not_exists(pk)"))), Outcome.CHANGED, Outcome.CHANGED);
    }

    @Override
    public List<LocalDate> noShows(String applicantKey, LocalDate from) {
        List<LocalDate> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : query("NOSHOW#" + applicantKey, from.toString())) {
            out.add(LocalDate.parse(str(i, "sk").substring(0, 10)));
        }
        return out;
    }

    @Override
    public List<String> activeOn(LocalDate date) {
        return query("APPTDAY#" + date, null).stream().map(i -> str(i, "appointmentId")).toList();
    }

    // ---- items ----------------------------------------------------------------------------------------------------

    private static String slotPk(String centerId, String category, LocalDate date) {
        return "APPTSLOT#" + centerId + "#" + category + "#" + date;
    }

    private static String lockPk(Appointment a) {
        return "APPTLOCK#" + a.lockKey();
    }

    private static Map<String, AttributeValue> dayKey(Appointment a) {
        return key("APPTDAY#" + a.date(), a.centerId() + "#" + a.start() + "#" + a.id());
    }

    private static Map<String, AttributeValue> dayEntry(Appointment a) {
        Map<String, AttributeValue> e = new HashMap<>(dayKey(a));
        e.put("appointmentId", s(a.id()));
        return e;
    }

    private static Map<String, AttributeValue> item(Appointment a) {
        Map<String, AttributeValue> i = new HashMap<>(key("APPT#" + a.id(), "META"));
        i.put("doc", s(Json.write(a)));
        i.put("version", n(a.version()));
        return i;
    }

    private TransactWriteItem takePlace(Appointment a, int capacity) {
        return TransactWriteItem.builder().update(u -> u.tableName(cases)
                .key(key(slotPk(a.centerId(), a.category(), a.date()), a.start().toString()))
                .updateExpression("ADD taken :one")
                .conditionExpression("attribute_not_exists(taken) OR taken < :cap")
                .expressionAttributeValues(Map.of(":one", n(1), ":cap", n(capacity)))).build();
    }

    private TransactWriteItem freePlace(Appointment a) {
        return TransactWriteItem.builder().update(u -> u.tableName(cases)
                .key(key(slotPk(a.centerId(), a.category(), a.date()), a.start().toString()))
                .updateExpression("ADD taken :minus").conditionExpression("taken > :zero")
                .expressionAttributeValues(Map.of(":minus", n(-1), ":zero", n(0)))).build();
    }

    private static Consumer<software.amazon.awssdk.services.dynamodb.model.Put.Builder> versioned(Appointment before) {
        return p -> p.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(before.version())));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item,
                                  Consumer<software.amazon.awssdk.services.dynamodb.model.Put.Builder> condition) {
        return TransactWriteItem.builder().put(p -> {
            p.tableName(cases).item(item);
            condition.accept(p);
        }).build();
    }

    /**
     * Writes the items in one transaction; a failed condition of the i-th item gives {@code onFailed[i]} (the last
     * one for the items beyond), anything else is thrown.
     */
    private Outcome write(List<TransactWriteItem> items, Outcome... onFailed) {
        try {
            Transactions.write(db, b -> b.transactItems(items));
            return Outcome.STORED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < reasons.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    return onFailed[Math.min(i, onFailed.length - 1)];
                }
            }
            throw e;
        }
    }

    private List<Map<String, AttributeValue>> query(String pk, String fromSk) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(cases).consistentRead(true)
                    .exclusiveStartKey(start);
            if (fromSk == null) {
                q.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(pk)));
            } else {
                q.keyConditionExpression("pk = :pk AND sk >= :from")
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":from", s(fromSk)));
            }
            QueryResponse r = db.query(q.build());
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
