package cn.onewindow.core.ports;

import cn.onewindow.core.evaluation.Evaluation;

/** The provincial 好差评 system. {@link #forward} throws when the rating was not accepted (it is retried). */
public interface ProvincialEvaluationSink {
    void forward(Evaluation e);
}
