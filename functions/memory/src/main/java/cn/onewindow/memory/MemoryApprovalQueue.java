package cn.onewindow.memory;

import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.ports.ApprovalQueue;

import java.util.ArrayList;
import java.util.List;

/** The approval queue in memory: messages wait until a test (standing in for the worker) takes them. */
public final class MemoryApprovalQueue implements ApprovalQueue {
    private final List<TaskMessage> waiting = new ArrayList<>();

    @Override
    public synchronized void send(List<TaskMessage> messages) {
        waiting.addAll(messages);
    }

    /** Every message sent and not taken yet, oldest first; the queue is empty afterwards. */
    public synchronized List<TaskMessage> take() {
        List<TaskMessage> out = List.copyOf(waiting);
        waiting.clear();
        return out;
    }
}
