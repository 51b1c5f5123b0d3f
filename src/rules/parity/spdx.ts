/**
 * SPDX licence identifiers (https://spdx.org/licenses/): the ones found on container images and
 * Python, JavaScript and system packages. Deprecated ids that are still common are kept.
 */
export const SPDX_IDS: ReadonlySet<string> = new Set(
  (
    '0BSD AAL AFL-1.1 AFL-1.2 AFL-2.0 AFL-2.1 AFL-3.0 AGPL-1.0-only AGPL-1.0-or-later AGPL-3.0 AGPL-3.0-only AGPL-3.0-or-later ' +
    'Apache-1.0 Apache-1.1 Apache-2.0 APSL-1.0 APSL-1.1 APSL-1.2 APSL-2.0 Artistic-1.0 Artistic-1.0-Perl Artistic-2.0 ' +
    'BitTorrent-1.1 BlueOak-1.0.0 BSD-1-Clause BSD-2-Clause BSD-2-Clause-Patent BSD-3-Clause BSD-3-Clause-Clear ' +
    'BSD-3-Clause-LBNL BSD-3-Clause-No-Nuclear-License BSD-4-Clause BSD-4-Clause-UC BSD-Source-Code BSL-1.0 BUSL-1.1 ' +
    'bzip2-1.0.6 CAL-1.0 CC-BY-1.0 CC-BY-2.0 CC-BY-2.5 CC-BY-3.0 CC-BY-4.0 CC-BY-NC-4.0 CC-BY-NC-ND-4.0 CC-BY-NC-SA-4.0 ' +
    'CC-BY-ND-4.0 CC-BY-SA-2.0 CC-BY-SA-3.0 CC-BY-SA-4.0 CC-PDDC CC0-1.0 CDDL-1.0 CDDL-1.1 CDLA-Permissive-1.0 ' +
    'CDLA-Permissive-2.0 CDLA-Sharing-1.0 CECILL-2.0 CECILL-2.1 CECILL-B CECILL-C ClArtistic CNRI-Python CPAL-1.0 CPL-1.0 ' +
    'curl ECL-1.0 ECL-2.0 EFL-1.0 EFL-2.0 Elastic-2.0 EPL-1.0 EPL-2.0 EUDatagrid EUPL-1.0 EUPL-1.1 EUPL-1.2 FSFAP FSFUL ' +
    'FSFULLR FTL GFDL-1.1-only GFDL-1.1-or-later GFDL-1.2-only GFDL-1.2-or-later GFDL-1.3-only GFDL-1.3-or-later ' +
    'GPL-1.0 GPL-1.0-only GPL-1.0-or-later GPL-2.0 GPL-2.0-only GPL-2.0-or-later GPL-3.0 GPL-3.0-only GPL-3.0-or-later ' +
    'HPND ICU IJG Imlib2 Info-ZIP IPA IPL-1.0 ISC JSON LGPL-2.0 LGPL-2.0-only LGPL-2.0-or-later LGPL-2.1 LGPL-2.1-only ' +
    'LGPL-2.1-or-later LGPL-3.0 LGPL-3.0-only LGPL-3.0-or-later LGPLLR Libpng libpng-2.0 libtiff LiLiQ-P-1.1 LPL-1.02 ' +
    'LPPL-1.3c MirOS MIT MIT-0 MIT-CMU MIT-Modern-Variant MIT-open-group MITNFA Motosoto MPL-1.0 MPL-1.1 MPL-2.0 ' +
    'MPL-2.0-no-copyleft-exception MS-PL MS-RL MulanPSL-1.0 MulanPSL-2.0 Multics NASA-1.3 Naumen NCSA NGPL Nokia NPL-1.0 ' +
    'NPL-1.1 NTP OCLC-2.0 ODbL-1.0 OFL-1.0 OFL-1.1 OGTSL OLDAP-2.8 OpenSSL OPL-1.0 OSL-1.0 OSL-1.1 OSL-2.0 OSL-2.1 OSL-3.0 ' +
    'PDDL-1.0 PHP-3.0 PHP-3.01 PostgreSQL PSF-2.0 Python-2.0 Python-2.0.1 QPL-1.0 RPL-1.1 RPL-1.5 RPSL-1.0 RSCPL Ruby ' +
    'SGI-B-2.0 SimPL-2.0 SISSL Sleepycat SMLNJ SPL-1.0 SSPL-1.0 TCL TCP-wrappers UCL-1.0 Unicode-3.0 Unicode-DFS-2015 ' +
    'Unicode-DFS-2016 Unlicense UPL-1.0 Vim VSL-1.0 W3C W3C-20150513 Watcom-1.0 WTFPL X11 Xnet XFree86-1.1 xinetd Zend-2.0 ' +
    'Zlib zlib-acknowledgement ZPL-1.1 ZPL-2.0 ZPL-2.1 NONE NOASSERTION'
  ).split(' '),
);
