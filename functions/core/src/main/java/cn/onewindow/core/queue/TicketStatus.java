package cn.onewindow.core.queue;

/**
 * WAITING → CALLED → SERVING → DONE; CALLED → (no-show) WAITING again at the queue's end, or DROPPED once it was
 * called the configured number of times; CALLED or SERVING → (transfer) WAITING in another category.
 */
public enum TicketStatus { WAITING, CALLED, SERVING, DONE, DROPPED }
