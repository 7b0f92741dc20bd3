package cn.onewindow.aws.contract;

import cn.onewindow.aws.DynamoAppointmentStore;
import cn.onewindow.aws.DynamoCaseRepository;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.appointment.AppointmentStore;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.memory.contract.AppointmentStoreContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB appointment store (on the local stand-in) held to the contract the in-memory one is held to. */
@ExtendWith(LocalDynamo.class)
class DynamoAppointmentStoreContractTest extends AppointmentStoreContract {
    private static DynamoAppointmentStore store;
    private static DynamoCaseRepository cases;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        store = new DynamoAppointmentStore(tables.client(), tables.casesTable());
        cases = new DynamoCaseRepository(tables.client(), tables.casesTable(), tables.settings().idempotencyTable());
    }

    @Override
    protected AppointmentStore appointments() {
        return store;
    }

    @Override
    protected CaseRepository cases() {
        return cases;
    }
}
