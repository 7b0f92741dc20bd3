package cn.onewindow.core.notify;

/** Where notifications leave the platform (an SMS gateway queue in the cloud, a log file locally). */
public interface NotificationSink {
    void send(Notification n);
}
