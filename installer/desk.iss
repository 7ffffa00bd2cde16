; Inno Setup 6 script: iscc installer\desk.iss (after pyinstaller installer\desk.spec)
#define AppVersion "0.1.0"
[Setup]
AppId={{6C1B0E0A-2E4B-4D3C-9A57-DE5C0A11D001}
AppName=警网融合中心工作台 (desk)
AppVersion={#AppVersion}
DefaultDirName={autopf}\desk
DefaultGroupName=desk
OutputDir=..\dist
OutputBaseFilename=desk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64
PrivilegesRequired=admin

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\dist\desk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\警网融合中心工作台"; Filename: "{app}\desk.exe"
Name: "{commondesktop}\警网融合中心工作台"; Filename: "{app}\desk.exe"
