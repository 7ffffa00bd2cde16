; Inno Setup 6 script for the desk (警网融合中心工作台). Saved as UTF-8 with a BOM (Inno Setup reads Chinese then).
; Build (Windows, after `pyinstaller --noconfirm installer\desk.spec` made dist\desk\), from the repository root:
;   iscc /DAppVersion=0.1.0 installer\desk.iss          -> dist\desk-setup-0.1.0.exe
; (installer\README.md has every step; the version comes from pyproject.toml, the one place it is kept.)
;
; What it does on a command-room PC:
;  - installs for every user of the PC (per machine, needs an administrator) under Program Files\desk,
;    with a Start-menu group (the desk, the duty staff's guide, uninstall) and optionally a desktop icon;
;  - asks for the database URL of the room's PostgreSQL server (empty: SQLite on this PC) and for the
;    data key file, or takes both from the command line for a silent install by the IT department:
;      desk-setup-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART ^
;        /DBURL="postgresql+psycopg://desk@10.0.0.5/street" /KEYFILE="\\fileserver\desk\desk.key" /LOG="C:\desk-setup.log"
;    both are written to the machine-wide settings C:\ProgramData\desk\settings.json (the key copied
;    next to it), read by every user of the PC; a user's own settings.json still wins where present;
;  - upgrades over an older version in place (same AppId), closing a running desk first; the desk itself
;    makes a backup of the database before its first start migrates it (desk.bootstrap / README);
;  - runs `desk-cli selftest` after installing; its lines go to C:\ProgramData\desk\selftest.txt and a
;    failure is said (interactive) or written to the setup log (silent; exit code of setup unchanged);
;  - keeps user data on uninstall: the databases, logs, key and settings in %LOCALAPPDATA%\desk and
;    C:\ProgramData\desk are not removed (only the program folder is).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "警网融合中心工作台"
#define AppExe "desk.exe"
#define CliExe "desk-cli.exe"

[Setup]
AppId={{6C1B0E0A-2E4B-4D3C-9A57-DE5C0A11D001}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=desk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\desk
DefaultGroupName={#AppName}
UsePreviousAppDir=yes
UsePreviousGroup=yes
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=desk-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
CloseApplications=yes
RestartApplications=no
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} (desk)
WizardStyle=modern
SetupLogging=yes
MinVersion=10.0

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DbTitle=数据库
chinesesimplified.DbSub=本机连接哪个数据库？
chinesesimplified.DbText=指挥室多台电脑共用一个 PostgreSQL 服务器，请填写其地址，例如 postgresql+psycopg://desk@10.0.0.5/street（密码请放在用户的 pgpass.conf 中，不要写进地址）。留空表示只在本机使用 SQLite（演示或单机）。升级时留空则保留原设置。
chinesesimplified.DbLabel=数据库地址：
chinesesimplified.KeyTitle=数据密钥
chinesesimplified.KeySub=身份证号、电话号码加密所用的密钥文件 desk.key
chinesesimplified.KeyText=同一数据库的每台电脑必须使用同一个密钥文件，请向系统管理员索取并在此选择。留空则保留本机已有的密钥；单机使用时首次启动会自动生成。
chinesesimplified.KeyLabel=密钥文件：
chinesesimplified.BadUrl=数据库地址应以 postgresql:// 、postgresql+psycopg:// 或 sqlite:/// 开头。
chinesesimplified.NoKey=找不到密钥文件：
chinesesimplified.SelftestFailed=安装后自检未通过，详情见：
chinesesimplified.RunDesk=启动警网融合中心工作台
chinesesimplified.Guide=值班员使用指南
chinesesimplified.Desktop=创建桌面快捷方式
english.DbTitle=Database
english.DbSub=Which database does this PC use?
english.DbText=The command room's PCs share one PostgreSQL server: enter its URL, e.g. postgresql+psycopg://desk@10.0.0.5/street (keep the password in the user's pgpass.conf, not in the URL). Leave empty for SQLite on this PC only (a demo, a laptop). On an upgrade, empty keeps the current setting.
english.DbLabel=Database URL:
english.KeyTitle=Data key
english.KeySub=The key file desk.key that encrypts ID and phone numbers
english.KeyText=Every PC on one database needs the same key file: get it from the administrator and choose it here. Empty keeps the key this PC has; a single PC makes one at its first start.
english.KeyLabel=Key file:
english.BadUrl=The database URL must start with postgresql://, postgresql+psycopg:// or sqlite:///.
english.NoKey=Key file not found:
english.SelftestFailed=The self-check after installing failed; see:
english.RunDesk=Start the desk
english.Guide=Duty staff's guide
english.Desktop=Create a desktop icon

[Tasks]
Name: "desktopicon"; Description: "{cm:Desktop}"; Flags: unchecked

[Dirs]
Name: "{commonappdata}\desk"; Flags: uninsneveruninstall

[Files]
Source: "..\dist\desk\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion
; the previous version's files that no longer exist are removed by [InstallDelete] below

[InstallDelete]
; an upgrade replaces the whole program folder's bundled libraries (old Qt files must not linger)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; AppUserModelID: "PoliceGridFusion.Desk"
Name: "{group}\{cm:Guide}"; Filename: "{app}\{#AppExe}"; Parameters: "--guide"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{commondesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; AppUserModelID: "PoliceGridFusion.Desk"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:RunDesk}"; Flags: nowait postinstall skipifsilent unchecked

[UninstallDelete]
; only what the program folder gathered at run time (Python caches); user data stays
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
var
  DbPage: TInputQueryWizardPage;
  KeyPage: TInputFileWizardPage;

function SettingsDir(): String;
begin
  Result := ExpandConstant('{commonappdata}\desk');
end;

function ParamOrPage(const Name, PageValue: String): String;
begin
  Result := ExpandConstant('{param:' + Name + '|}');
  if Result = '' then
    Result := Trim(PageValue);
end;

function JsonEscape(const S: String): String;
var
  I: Integer;
  C: Char;
begin
  Result := '';
  for I := 1 to Length(S) do
  begin
    C := S[I];
    if C = '\' then Result := Result + '\\'
    else if C = '"' then Result := Result + '\"'
    else if Ord(C) < 32 then Result := Result + ' '
    else Result := Result + C;
  end;
end;

function UrlLooksRight(const Url: String): Boolean;
begin
  Result := (Url = '') or (Pos('postgresql://', Url) = 1) or (Pos('postgresql+psycopg://', Url) = 1)
            or (Pos('postgres://', Url) = 1) or (Pos('sqlite:///', Url) = 1);
end;

procedure InitializeWizard();
begin
  DbPage := CreateInputQueryPage(wpSelectDir, CustomMessage('DbTitle'), CustomMessage('DbSub'), CustomMessage('DbText'));
  DbPage.Add(CustomMessage('DbLabel'), False);
  DbPage.Values[0] := ExpandConstant('{param:DBURL|}');
  KeyPage := CreateInputFilePage(DbPage.ID, CustomMessage('KeyTitle'), CustomMessage('KeySub'), CustomMessage('KeyText'));
  KeyPage.Add(CustomMessage('KeyLabel'), 'desk.key|desk.key|*.*|*.*', '.key');
  KeyPage.Values[0] := ExpandConstant('{param:KEYFILE|}');
end;

function NextButtonClick(CurPageID: Integer): Boolean;
var
  KeyFile: String;
begin
  Result := True;
  if (CurPageID = DbPage.ID) and not UrlLooksRight(Trim(DbPage.Values[0])) then
  begin
    MsgBox(CustomMessage('BadUrl'), mbError, MB_OK);
    Result := False;
  end;
  if CurPageID = KeyPage.ID then
  begin
    KeyFile := Trim(KeyPage.Values[0]);
    if (KeyFile <> '') and not FileExists(KeyFile) then
    begin
      MsgBox(CustomMessage('NoKey') + ' ' + KeyFile, mbError, MB_OK);
      Result := False;
    end;
  end;
end;

{ Silent installs: check the command-line values before anything is installed. }
function InitializeSetup(): Boolean;
var
  Url, KeyFile: String;
begin
  Result := True;
  Url := ExpandConstant('{param:DBURL|}');
  KeyFile := ExpandConstant('{param:KEYFILE|}');
  if not UrlLooksRight(Url) then
  begin
    Log('DBURL refused: ' + Url);
    SuppressibleMsgBox(CustomMessage('BadUrl'), mbError, MB_OK, IDOK);
    Result := False;
  end
  else if (KeyFile <> '') and not FileExists(KeyFile) then
  begin
    Log('KEYFILE not found: ' + KeyFile);
    SuppressibleMsgBox(CustomMessage('NoKey') + ' ' + KeyFile, mbError, MB_OK, IDOK);
    Result := False;
  end;
end;

{ The machine-wide settings file: written only with what was given, so an upgrade keeps the room's settings. }
procedure WriteSettings();
var
  Url, KeyFile, KeyTarget, Json: String;
  Lines: TArrayOfString;
begin
  Url := ParamOrPage('DBURL', DbPage.Values[0]);
  KeyFile := ParamOrPage('KEYFILE', KeyPage.Values[0]);
  KeyTarget := SettingsDir() + '\desk.key';
  ForceDirectories(SettingsDir());
  if KeyFile <> '' then
  begin
    if CompareText(ExpandFileName(KeyFile), KeyTarget) <> 0 then
      if not FileCopy(KeyFile, KeyTarget, False) then
        Log('could not copy the data key from ' + KeyFile);
    Log('data key copied to ' + KeyTarget);
  end;
  if (Url = '') and (KeyFile = '') then
  begin
    Log('no database URL or key given: the settings are left as they are');
    Exit;
  end;
  if (Url = '') and FileExists(SettingsDir() + '\settings.json') then
  begin
    Log('settings.json kept; only the key was replaced');
    Exit;
  end;
  Json := '{' + #13#10;
  if Url <> '' then
    Json := Json + '  "db_url": "' + JsonEscape(Url) + '"';
  if FileExists(KeyTarget) then
  begin
    if Url <> '' then Json := Json + ',' + #13#10;
    Json := Json + '  "key_file": "' + JsonEscape(KeyTarget) + '"';
  end;
  Json := Json + #13#10 + '}';
  SetArrayLength(Lines, 1);
  Lines[0] := Json;
  { UTF-8 with a BOM: the desk reads settings.json as utf-8-sig }
  if SaveStringsToUTF8File(SettingsDir() + '\settings.json', Lines, False) then
    Log('wrote ' + SettingsDir() + '\settings.json')
  else
    Log('could not write ' + SettingsDir() + '\settings.json');
end;

procedure RunSelftest();
var
  Code: Integer;
  Report: String;
begin
  Report := SettingsDir() + '\selftest.txt';
  if Exec(ExpandConstant('{cmd}'), '/C ""' + ExpandConstant('{app}\{#CliExe}') + '" selftest > "' + Report + '" 2>&1"',
          ExpandConstant('{app}'), SW_HIDE, ewWaitUntilTerminated, Code) and (Code = 0) then
    Log('selftest passed: ' + Report)
  else
  begin
    Log('selftest FAILED (exit ' + IntToStr(Code) + '): ' + Report);
    SuppressibleMsgBox(CustomMessage('SelftestFailed') + #13#10 + Report, mbError, MB_OK, IDOK);
  end;
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
  begin
    WriteSettings();
    RunSelftest();
  end;
end;
