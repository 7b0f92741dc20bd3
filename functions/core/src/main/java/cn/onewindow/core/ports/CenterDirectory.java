package cn.onewindow.core.ports;

import cn.onewindow.core.points.ServiceCenter;

import java.util.Optional;

/** Service centers: their city, calendar region and office hours. */
public interface CenterDirectory {

    Optional<ServiceCenter> center(String centerId);

    void put(ServiceCenter center);
}
