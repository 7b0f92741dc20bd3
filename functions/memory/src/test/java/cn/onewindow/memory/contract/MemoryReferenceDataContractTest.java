package cn.onewindow.memory.contract;

import cn.onewindow.core.ports.CalendarRepository;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.CenterDirectory;
import cn.onewindow.core.ports.ServicePointDirectory;
import cn.onewindow.memory.MemoryReferenceRepository;
import cn.onewindow.memory.MemoryServicePointDirectory;

/** The in-memory adapters held to the contract of the DynamoDB ones. */
class MemoryReferenceDataContractTest extends ReferenceDataContract {
    private final MemoryReferenceRepository reference = new MemoryReferenceRepository();
    private final MemoryServicePointDirectory points = new MemoryServicePointDirectory();

    @Override
    protected CatalogRepository catalog() {
        return reference;
    }

    @Override
    protected ServicePointDirectory points() {
        return points;
    }

    @Override
    protected CalendarRepository calendars() {
        return reference;
    }

    @Override
    protected CenterDirectory centers() {
        return reference;
    }
}
