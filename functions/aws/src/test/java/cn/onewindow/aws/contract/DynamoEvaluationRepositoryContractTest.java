package cn.onewindow.aws.contract;

import cn.onewindow.aws.DynamoCaseRepository;
import cn.onewindow.aws.DynamoEvaluationRepository;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.TimerIndex;
import cn.onewindow.memory.contract.EvaluationRepositoryContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB evaluation store (on the local stand-in) held to the contract the in-memory one is held to. */
@ExtendWith(LocalDynamo.class)
class DynamoEvaluationRepositoryContractTest extends EvaluationRepositoryContract {
    private static DynamoCaseRepository cases;
    private static DynamoEvaluationRepository evaluations;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        String idempotency = tables.settings().idempotencyTable();
        cases = new DynamoCaseRepository(tables.client(), tables.casesTable(), idempotency);
        evaluations = new DynamoEvaluationRepository(tables.client(), tables.casesTable(), idempotency);
    }

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
