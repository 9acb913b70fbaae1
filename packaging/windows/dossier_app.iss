; Inno Setup 6 script (UTF-8 with a byte-order mark, so Inno reads the Vietnamese names right): the Windows installer of the one-folder bundle (dist\dossier_app\, built on Windows by
; `pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\dossier_app.spec`).
;
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\dossier_app.iss
;
; writes dist\dossier_app-<version>-setup.exe. Never run here (no Windows machine): see README.md beside this file.
;
; - Per user by default, no administrator needed: the program goes to %LOCALAPPDATA%\Programs\dossier_app; the
;   installer offers "all users" (Program Files) to an administrator.
; - A Start-menu entry with the program's icon, an optional desktop icon, an entry in Settings › Apps to uninstall.
; - The version is the one PyInstaller wrote into dossier_app.exe from pyproject.toml: one number everywhere.
; - Uninstalling removes only what was installed. The user's data stays: the database, its daily backups and the
;   export history in %LOCALAPPDATA%\dossier_app (platformdirs), the window's settings in HKCU\Software\dossier_app.

#define AppName "dossier_app"
#define AppTitle "Hồ sơ khu công nghệ cao"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\dossier_app"
#ifndef AppVersion
  ; The ProductVersion string the spec wrote from pyproject.toml ("0.1.0"); ISCC /DAppVersion=… overrides it.
  #define AppVersion GetStringFileInfo(BundleDir + "\dossier_app.exe", "ProductVersion")
#endif
; The same as four numbers ("0.1.0.0"), as Windows' file version resource wants it.
#define AppVersionNumbers GetVersionNumbersString(BundleDir + "\dossier_app.exe")

[Setup]
; The AppId names this program to Windows across versions: never change it (a new one is a different program).
AppId={{91DD413E-130F-4D25-965C-D0468E3A56DC}
AppName={#AppTitle}
AppVersion={#AppVersion}
AppVerName={#AppTitle} {#AppVersion}
AppPublisher=dossier_app
VersionInfoVersion={#AppVersionNumbers}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppTitle}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#SourcePath}\..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#SourcePath}\dossier_app.ico
UninstallDisplayIcon={app}\dossier_app.exe
UninstallDisplayName={#AppTitle}
LicenseFile={#SourcePath}\..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Windows' Restart Manager closes a running copy before its files are replaced or removed.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships no Vietnamese among its official translations; the unofficial Vietnamese.isl from
; https://jrsoftware.org/files/istrans/ is used when it has been put in the compiler's Languages folder.
#if FileExists(CompilerPath + "Languages\Vietnamese.isl")
Name: "vietnamese"; MessagesFile: "compiler:Languages\Vietnamese.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole bundle: dossier_app.exe (the window), dossier_app-cli.exe (the command line) and _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#SourcePath}\dossier_app.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppTitle}"; Filename: "{app}\dossier_app.exe"; IconFilename: "{app}\dossier_app.ico"; Comment: "Hồ sơ thành lập khu công nghệ cao / khu CNTT tập trung"
Name: "{autodesktop}\{#AppTitle}"; Filename: "{app}\dossier_app.exe"; IconFilename: "{app}\dossier_app.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\dossier_app.exe"; Description: "{cm:LaunchProgram,{#StringChange(AppTitle, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Registry] entries on purpose: the uninstaller removes the files above and nothing the
; program wrote for its user (%LOCALAPPDATA%\dossier_app, HKCU\Software\dossier_app), so reinstalling finds them.
