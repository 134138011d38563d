# Installing infotavle, and its Debian package with CPack's DEB generator
# (platform/bootstrap.sh package). CPack rather than debhelper: the install rules below are the
# one description of what goes where for `cmake --install` and the package alike, and the DEB
# generator builds from them with Debian's tools (dpkg-shlibdeps for the library dependencies,
# dpkg-deb for the archive) without a second packaging tree under debian/.
include(GNUInstallDirs)
set(PKG ${CMAKE_SOURCE_DIR}/platform/debian)
install(TARGETS infotavle RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The unit. systemd looks in <prefix>/lib/systemd/system for /usr and /usr/local alike.
set(INFOTAVLE_BINDIR ${CMAKE_INSTALL_FULL_BINDIR})
configure_file(${CMAKE_SOURCE_DIR}/platform/systemd/infotavle.service.in ${CMAKE_BINARY_DIR}/infotavle.service @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/infotavle.service DESTINATION lib/systemd/system)

# /etc/infotavle/infotavle.conf, written from the settings table (app/config/settings.cpp) so
# that it lists every setting with its default.
add_executable(infotavle_write_default_config app/config/tool/write_default_config.cpp)
target_link_libraries(infotavle_write_default_config PRIVATE infotavle_config)
set(DEFAULT_CONF ${CMAKE_BINARY_DIR}/infotavle.conf)
add_custom_command(OUTPUT ${DEFAULT_CONF}
                   COMMAND infotavle_write_default_config ${DEFAULT_CONF}
                   DEPENDS infotavle_write_default_config
                   COMMENT "Writing the default configuration file")
# The man page and changelog, compressed as Debian wants them (gzip -n: no time stamp).
set(MAN_GZ ${CMAKE_BINARY_DIR}/infotavle.1.gz)
set(CHANGELOG_GZ ${CMAKE_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${MAN_GZ}
                   COMMAND gzip -9n -c ${PKG}/infotavle.1 > ${MAN_GZ}
                   DEPENDS ${PKG}/infotavle.1)
add_custom_command(OUTPUT ${CHANGELOG_GZ}
                   COMMAND gzip -9n -c ${PKG}/changelog > ${CHANGELOG_GZ}
                   DEPENDS ${PKG}/changelog)
add_custom_target(infotavle_package_files ALL DEPENDS ${DEFAULT_CONF} ${MAN_GZ} ${CHANGELOG_GZ})

install(FILES ${DEFAULT_CONF} DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/infotavle)
install(FILES ${PKG}/sysusers.conf DESTINATION lib/sysusers.d RENAME infotavle.conf)
install(FILES ${MAN_GZ} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PKG}/copyright ${CHANGELOG_GZ} ${CMAKE_SOURCE_DIR}/feeds/FORMAT.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(GLOB SCHEMAS ${CMAKE_SOURCE_DIR}/feeds/schema/*.json)
install(FILES ${SCHEMAS} DESTINATION ${CMAKE_INSTALL_DATADIR}/infotavle/schema)

# ---- the package -----------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME infotavle)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})  # `cpack -D CPACK_PACKAGE_VERSION=` overrides
set(CPACK_PACKAGE_CONTACT "infotavle maintainers <maintainers@users.noreply.r-seed-14b8f75e.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Danish data slides for a lobby screen")
# CPack puts the summary first and indents these lines under it.
set(CPACK_PACKAGE_DESCRIPTION "infotavle is a kiosk program for public information screens: it fetches JSON
feeds from a central service, keeps the last good copy, and cycles full-screen
Danish slides with figures, each shown with its source and date. It drives the
screen itself on a console (kmsdrm) and runs as a hardened systemd service.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_STRIP_FILES ON)
# Library dependencies computed by dpkg-shlibdeps; the fonts are loaded at run time (no
# library links them) and systemd provides systemd-sysusers for the postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "systemd, fonts-inter, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PKG}/conffiles ${PKG}/postinst ${PKG}/prerm ${PKG}/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
