package cn.onewindow.workers;

import cn.onewindow.aws.Platform;
import cn.onewindow.core.access.Authenticator;
import cn.onewindow.core.appointment.AppointmentSweep;
import cn.onewindow.core.ports.TimerIndex;
import cn.onewindow.core.service.ApprovalService;
import cn.onewindow.core.service.DeadlineChecker;
import cn.onewindow.core.service.EvaluationForwarder;
import cn.onewindow.core.service.EvaluationService;
import cn.onewindow.core.service.NotificationRelay;
import cn.onewindow.core.service.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * What the worker handlers may ask for in their constructors, each drawn once from the function's one
 * {@link Platform} ({@link WorkerPlatform}). A function runs one handler ({@code QUARKUS_LAMBDA_HANDLER}), which
 * names the services it uses:
 * <ul>
 *   <li>{@code authorizer}: {@link Authenticator}, {@link SessionService};</li>
 *   <li>{@code approval}: {@link ApprovalService};</li>
 *   <li>{@code evaluations}: {@link EvaluationService};</li>
 *   <li>{@code relay}: {@link ApprovalService}, the {@link NotificationRelay} if the function has a sink,
 *   {@link EvaluationForwarder}, the {@link TimerIndex} of their checkpoints;</li>
 *   <li>{@code deadlines}: {@link DeadlineChecker}, {@link AppointmentSweep}.</li>
 * </ul>
 */
@ApplicationScoped
public class WorkerServices {

    @Produces
    @Singleton
    Authenticator authenticator(Platform platform) {
        return platform.authenticator;
    }

    @Produces
    @Singleton
    SessionService sessionService(Platform platform) {
        return platform.sessionService;
    }

    @Produces
    @Singleton
    ApprovalService approvalService(Platform platform) {
        return platform.approvalService;
    }

    @Produces
    @Singleton
    EvaluationService evaluationService(Platform platform) {
        return platform.evaluationService;
    }

    /** Empty where the function has no notification sink (neither a queue nor a log is configured). */
    @Produces
    @Singleton
    Optional<NotificationRelay> notificationRelay(Platform platform) {
        return Optional.ofNullable(platform.notificationRelay);
    }

    @Produces
    @Singleton
    EvaluationForwarder evaluationForwarder(Platform platform) {
        return platform.evaluationForwarder;
    }

    /** The due-time index of the cases table, where the relay's parts keep their checkpoints. */
    @Produces
    @Singleton
    TimerIndex checkpoints(Platform platform) {
        return platform.cases;
    }

    @Produces
    @Singleton
    DeadlineChecker deadlineChecker(Platform platform) {
        return platform.deadlineChecker;
    }

    @Produces
    @Singleton
    AppointmentSweep appointmentSweep(Platform platform) {
        return platform.appointmentSweep;
    }
}
