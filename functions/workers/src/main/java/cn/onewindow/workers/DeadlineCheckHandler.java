package cn.onewindow.workers;

import cn.onewindow.core.appointment.AppointmentSweep;
import cn.onewindow.core.service.DeadlineChecker;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deadline checker, woken by the EventBridge schedule: warnings at the warning point, one accountability record
 * per overdue case. Reads the due-time index only. Then the appointment sweep: no-shows of bookings whose slot ended
 * (plus the grace) without a check-in, and the day-before reminders into the notification outbox (reads only the day
 * entries of active bookings).
 */
@Singleton
@Named("deadlines")
public class DeadlineCheckHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = Logger.getLogger(DeadlineCheckHandler.class);

    private final DeadlineChecker deadlineChecker;
    private final AppointmentSweep appointmentSweep;

    @Inject
    public DeadlineCheckHandler(DeadlineChecker deadlineChecker, AppointmentSweep appointmentSweep) {
        this.deadlineChecker = deadlineChecker;
        this.appointmentSweep = appointmentSweep;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        DeadlineChecker.Result r = deadlineChecker.run();
        LOG.infof("deadline check %s..%s: %d timers read, %d warnings, %d overdue, %d failures", r.from(), r.to(),
                r.timersRead(), r.warnings(), r.overdue(), r.failures());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timersRead", r.timersRead());
        out.put("warnings", r.warnings());
        out.put("overdue", r.overdue());
        out.put("failures", r.failures());
        out.put("checkpointMoved", r.checkpointMoved());
        try {
            AppointmentSweep.Result a = appointmentSweep.run();
            LOG.infof("appointment sweep: %d no-shows, %d reminders", a.noShows(), a.reminders());
            out.put("appointmentNoShows", a.noShows());
            out.put("appointmentReminders", a.reminders());
        } catch (RuntimeException e) {
            // the deadline check above is done; the sweep runs again in five minutes
            LOG.warnf("appointment sweep failed, will retry: %s", e.getClass().getSimpleName());
            out.put("appointmentSweepFailed", true);
        }
        return out;
    }
}
