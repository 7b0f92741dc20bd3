package cn.onewindow.aws.contract;

import cn.onewindow.aws.DynamoReferenceRepository;
import cn.onewindow.aws.DynamoServicePointDirectory;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.ports.CalendarRepository;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.CenterDirectory;
import cn.onewindow.core.ports.ServicePointDirectory;
import cn.onewindow.memory.contract.ReferenceDataContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB adapters (on the local stand-in) held to the contract the in-memory ones are held to. */
@ExtendWith(LocalDynamo.class)
class DynamoReferenceDataContractTest extends ReferenceDataContract {
    private static DynamoReferenceRepository reference;
    private static DynamoServicePointDirectory points;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        reference = new DynamoReferenceRepository(tables.client(), tables.settings().referenceTable());
        points = new DynamoServicePointDirectory(tables.client(), tables.settings().referenceTable());
    }

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
