package cn.onewindow.memory.contract;

import cn.onewindow.core.appointment.AppointmentStore;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.memory.MemoryAppointmentStore;
import cn.onewindow.memory.MemoryCaseRepository;

/** The in-memory appointment store held to the contract of the DynamoDB one. */
class MemoryAppointmentStoreContractTest extends AppointmentStoreContract {
    private final MemoryCaseRepository cases = new MemoryCaseRepository();
    private final MemoryAppointmentStore store = new MemoryAppointmentStore(cases);

    @Override
    protected AppointmentStore appointments() {
        return store;
    }

    @Override
    protected CaseRepository cases() {
        return cases;
    }
}
