package cn.onewindow.memory.contract;

import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.TimerIndex;
import cn.onewindow.memory.MemoryCaseRepository;
import cn.onewindow.memory.MemoryEvaluationRepository;

/** The in-memory evaluation store held to the contract of the DynamoDB one. */
class MemoryEvaluationRepositoryContractTest extends EvaluationRepositoryContract {
    private final MemoryCaseRepository cases = new MemoryCaseRepository();
    private final MemoryEvaluationRepository evaluations = new MemoryEvaluationRepository(cases);

    @Override
    protected EvaluationRepository evaluations() {
        return evaluations;
    }

    @Override
    protected CaseRepository cases() {
        return cases;
    }

    @Override
    protected TimerIndex timers() {
        return cases;
    }
}
