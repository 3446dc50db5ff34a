; Windows installer for the PyInstaller one-folder bundle (NSIS 3, 64-bit, Unicode).
;
;   makensis /DVERSION=0.1.0 /DBUNDLE=..\..\dist\unodc-ta-compendium ^
;            /DOUTFILE=..\..\dist\unodc-ta-compendium-0.1.0-setup.exe installer.nsi
;
; Paths are relative to this file. Installs for the current user (no
; administrator rights: delegates' laptops are often managed) under
; %LOCALAPPDATA%\Programs, with a Start-menu shortcut, an optional desktop
; shortcut (on by default; /NODESKTOP leaves it out of a silent install) and
; an entry in "Apps & features" with the installed size; the uninstaller
; removes all of it. The user's settings (HKCU\Software\UNODC-TA-Compendium)
; and data (%APPDATA%\UNODC-TA-Compendium) are left alone, as the README says.
; Both refuse to go on while the app is running (its files are locked).
; Silent: setup.exe /S [/NODESKTOP] [/D=C:\path];  uninstall.exe /S
; Built by .github/workflows/windows.yml; tests/packaging/test_nsis.py compiles
; it on Linux (Debian's nsis) and installs/uninstalls it under Wine.

Target amd64-unicode
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "pass /DVERSION=x.y.z"
!endif
!ifndef BUNDLE
  !error "pass /DBUNDLE=path\to\dist\unodc-ta-compendium"
!endif
!ifndef OUTFILE
  !define OUTFILE "unodc-ta-compendium-${VERSION}-setup.exe"
!endif

!define APP_ID "unodc-ta-compendium"
!define APP_NAME "UNODC TA Compendium"
!define APP_NAME_AR "المساعدة التقنية: الخلاصة الوافية"
!define APP_EXE "unodc-ta-compendium.exe"
!define PUBLISHER "UNODC TA Compendium project"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_NAME_AR} (${APP_NAME})"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel user
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "..\..\resources\icons\app.ico"
!define MUI_UNICON "..\..\resources\icons\app.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; the installer follows Windows' UI language.
!insertmacro MUI_LANGUAGE "Arabic"
!insertmacro MUI_LANGUAGE "English"

LangString RUNNING ${LANG_ARABIC} "البرنامج مفتوح الآن. أغلقه ثم اضغط «إعادة المحاولة»."
LangString RUNNING ${LANG_ENGLISH} "The compendium reader is running. Close it, then press Retry."
LangString SEC_APP ${LANG_ARABIC} "البرنامج"
LangString SEC_APP ${LANG_ENGLISH} "The program"
LangString SEC_DESKTOP ${LANG_ARABIC} "اختصار على سطح المكتب"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"

; Is the app running? Windows (and Wine) refuse to open a running program's
; .exe for writing; this needs no tool that a locked-down laptop may lack. A
; running app keeps its files locked: installing over it or removing it
; would leave a half-replaced folder.
!macro RUNNING_CHECK
  retry:
    IfFileExists "$INSTDIR\${APP_EXE}" 0 closed
    ClearErrors
    FileOpen $0 "$INSTDIR\${APP_EXE}" a
    IfErrors running
    FileClose $0
    Goto closed
  running:
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(RUNNING)" /SD IDCANCEL IDRETRY retry
    SetErrorLevel 2
    Quit
  closed:
!macroend
Function WaitUntilClosed
  !insertmacro RUNNING_CHECK
FunctionEnd
Function un.WaitUntilClosed
  !insertmacro RUNNING_CHECK
FunctionEnd

Section "$(SEC_APP)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; A previous version's files must not linger beside the new ones.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"

  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME_AR} (${APP_NAME})"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "$(SEC_DESKTOP)" SecDesktop
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd

Function .onInit
  Call WaitUntilClosed
  ${GetParameters} $1
  ${GetOptions} $1 "/NODESKTOP" $0
  ${IfNot} ${Errors}
    SectionSetFlags ${SecDesktop} 0
  ${EndIf}
FunctionEnd

Function un.onInit
  Call un.WaitUntilClosed
FunctionEnd
