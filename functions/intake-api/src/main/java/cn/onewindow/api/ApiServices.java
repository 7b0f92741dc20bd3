package cn.onewindow.api;

import cn.onewindow.aws.Platform;
import cn.onewindow.core.access.Authenticator;
import cn.onewindow.core.appointment.AppointmentService;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.queue.QueueBoard;
import cn.onewindow.core.queue.QueueService;
import cn.onewindow.core.queue.RatingRequestService;
import cn.onewindow.core.service.ApprovalService;
import cn.onewindow.core.service.CalendarService;
import cn.onewindow.core.service.CallerService;
import cn.onewindow.core.service.CaseService;
import cn.onewindow.core.service.CatalogService;
import cn.onewindow.core.service.EvaluationService;
import cn.onewindow.core.service.LedgerService;
import cn.onewindow.core.service.ProgressService;
import cn.onewindow.core.service.ServicePointService;
import cn.onewindow.core.service.SessionService;
import cn.onewindow.core.service.StatsService;
import cn.onewindow.core.timers.Deadlines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * What the intake API's resources and filters may ask for in their constructors: each service, port and value drawn
 * once from the function's one {@link Platform} ({@link PlatformProducer}). A resource names in its constructor the
 * ones it uses; nothing else in this module sees the platform.
 */
@ApplicationScoped
public class ApiServices {

    @Produces
    @Singleton
    Clock clock(Platform platform) {
        return platform.clock;
    }

    @Produces
    @Singleton
    PrivacyKeys privacyKeys(Platform platform) {
        return platform.privacyKeys;
    }

    /** Claims of whole write requests under an {@code Idempotency-Key} (IdempotencyFilter). */
    @Produces
    @Singleton
    IdempotencyStore requests(Platform platform) {
        return platform.cases;
    }

    /** Reads of single cases (to redact a task's reasons with its case's values). */
    @Produces
    @Singleton
    CaseRepository caseRecords(Platform platform) {
        return platform.cases;
    }

    @Produces
    @Singleton
    Deadlines deadlines(Platform platform) {
        return platform.deadlines;
    }

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
    CaseService caseService(Platform platform) {
        return platform.caseService;
    }

    @Produces
    @Singleton
    ApprovalService approvalService(Platform platform) {
        return platform.approvalService;
    }

    @Produces
    @Singleton
    CatalogService catalogService(Platform platform) {
        return platform.catalogService;
    }

    @Produces
    @Singleton
    CalendarService calendarService(Platform platform) {
        return platform.calendarService;
    }

    @Produces
    @Singleton
    CallerService callerService(Platform platform) {
        return platform.callerService;
    }

    @Produces
    @Singleton
    ServicePointService servicePointService(Platform platform) {
        return platform.servicePointService;
    }

    @Produces
    @Singleton
    LedgerService ledgerService(Platform platform) {
        return platform.ledgerService;
    }

    @Produces
    @Singleton
    StatsService statsService(Platform platform) {
        return platform.statsService;
    }

    @Produces
    @Singleton
    EvaluationService evaluationService(Platform platform) {
        return platform.evaluationService;
    }

    @Produces
    @Singleton
    RatingRequestService ratingRequestService(Platform platform) {
        return platform.ratingRequestService;
    }

    @Produces
    @Singleton
    QueueService queueService(Platform platform) {
        return platform.queueService;
    }

    @Produces
    @Singleton
    QueueBoard queueBoard(Platform platform) {
        return platform.queueBoard;
    }

    @Produces
    @Singleton
    AppointmentService appointmentService(Platform platform) {
        return platform.appointmentService;
    }

    @Produces
    @Singleton
    ProgressService progressService(Platform platform) {
        return platform.progressService;
    }
}
