package org.labelcritic.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackagerTest {
  private static final Host LINUX = new Host(Host.Os.LINUX, Host.Arch.X64);
  private static final Host MAC = new Host(Host.Os.MAC, Host.Arch.AARCH64);
  private static final Host WINDOWS = new Host(Host.Os.WINDOWS, Host.Arch.X64);

  @Test
  void theDefaultIsTheHostsInstaller() throws Exception {
    assertThat(Packager.installerTypes(List.of("default"), LINUX)).containsExactly("deb");
    assertThat(Packager.installerTypes(List.of("default"), WINDOWS)).containsExactly("msi");
    assertThat(Packager.installerTypes(List.of("default"), MAC)).containsExactly("dmg");
    assertThat(Packager.installerTypes(List.of("app-image"), LINUX)).isEmpty();
    assertThat(Packager.installerTypes(List.of("app-image", "deb", "default"), LINUX))
        .containsExactly("deb");
  }

  @Test
  void anInstallerOfAnotherSystemOrAnUnknownTypeIsRefused() {
    assertThatThrownBy(() -> Packager.installerTypes(List.of("msi"), LINUX))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining(".msi is built on WINDOWS only");
    assertThatThrownBy(() -> Packager.installerTypes(List.of("zip"), LINUX))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("unknown package type 'zip'");
  }

  @Test
  void versionsAreNumericAndMacOsGetsAFirstNumberAboveZero() throws Exception {
    assertThat(Packager.packageVersion("0.1.0-SNAPSHOT", LINUX)).isEqualTo("0.1.0");
    assertThat(Packager.packageVersion("2.3.4", WINDOWS)).isEqualTo("2.3.4");
    assertThat(Packager.packageVersion("0.1.0-SNAPSHOT", MAC)).isEqualTo("1.1.0");
    assertThat(Packager.packageVersion("2.0", MAC)).isEqualTo("2.0");
    assertThatThrownBy(() -> Packager.packageVersion("next", LINUX))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("'next'");
  }

  @Test
  void optionsNeedTheirValues() {
    assertThatThrownBy(() -> Packager.Options.parse(new String[] {"--input"}))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("--option value pairs");
    assertThatThrownBy(() -> Packager.Options.parse(new String[] {"--input", "x"}))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("missing --main-jar");
  }

  @Test
  void hostsAreReadFromJavasSystemProperties() throws Exception {
    assertThat(Host.of("Linux", "amd64")).isEqualTo(LINUX);
    assertThat(Host.of("Mac OS X", "aarch64")).isEqualTo(MAC);
    assertThat(Host.of("Windows 11", "amd64")).isEqualTo(WINDOWS);
    assertThatThrownBy(() -> Host.of("SunOS", "sparcv9"))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("SunOS");
  }
}
