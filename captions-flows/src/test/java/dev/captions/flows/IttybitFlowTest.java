package dev.captions.flows;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.captions.media.ittybit.IttybitMediaProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The fixture of every flow that starts at Ittybit: one WireMock server for all services, and Ittybit pointed at it. */
abstract class IttybitFlowTest {
  WireMockServer wm;
  IttybitMediaProcessor ittybit;

  @BeforeEach
  void startServices() {
    wm = FlowStubs.server();
    ittybit = FlowStubs.ittybit(wm);
  }

  @AfterEach
  void stopServices() {
    ittybit.close();
    wm.stop();
  }
}
