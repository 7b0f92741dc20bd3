package cn.onewindow.core.ports;

import cn.onewindow.core.approval.TaskMessage;

import java.util.List;

/** The queue that carries new department tasks to the approval worker. Delivery is at least once. */
public interface ApprovalQueue {
    void send(List<TaskMessage> messages);
}
