# The Windows client installers: a jlink runtime with JavaFX, the jpackage app-image, and two
# Windows Installer packages built with WiX 3 from Switchboard.wxs: per-machine (Program Files,
# IT presets through MSI properties) and per-user (no administrator rights).
#
#   powershell -ExecutionPolicy Bypass -File installer\src\main\packaging\windows\package-client.ps1 VERSION TARGET
#
# Maven runs it on Windows (mvn -B -Pinstallers -DskipTests package -pl installer -am); TARGET holds
# client-input\ (the class path) and javafx-modules\ (JavaFX's Windows jars) by then.
# Needs: JDK 17 (JAVA_HOME: jlink, jpackage, java), WiX Toolset 3.11+ (candle, light, heat on the
# PATH or in WIX\bin). Output: TARGET\packages\Switchboard-VERSION-{machine,user}.msi.
param(
    [Parameter(Mandatory = $true)][string]$Version,
    [Parameter(Mandatory = $true)][string]$Target
)
$ErrorActionPreference = 'Stop'
$packaging = Split-Path -Parent $PSScriptRoot
$repoRoot = (Resolve-Path (Join-Path $packaging '..\..\..\..')).Path
$started = Get-Date

function Tool($name) {
    if ($env:JAVA_HOME -and (Test-Path "$env:JAVA_HOME\bin\$name.exe")) { return "$env:JAVA_HOME\bin\$name.exe" }
    if ($env:WIX -and (Test-Path "$env:WIX\bin\$name.exe")) { return "$env:WIX\bin\$name.exe" }
    $found = Get-Command $name -ErrorAction SilentlyContinue
    if (-not $found) { throw "package-client: $name not found (JDK 17 for jlink/jpackage, WiX 3 for candle/light/heat)" }
    return $found.Source
}
function Run($exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "package-client: $exe failed with exit code $LASTEXITCODE" }
}

# jpackage and Windows Installer want numbers only: 0.1.0-SNAPSHOT installs as 0.1.0
$numeric = ($Version -split '-')[0]
if ($numeric -notmatch '^\d+(\.\d+){0,2}$') { throw "package-client: version $Version is not N[.N[.N]][-suffix]" }

# the runtime: the JDK's jmods and JavaFX's jars, the modules of common\runtime-modules.txt
$jlink = Tool 'jlink'
$jmods = Join-Path (Split-Path -Parent (Split-Path -Parent $jlink)) 'jmods'
$modules = (Get-Content (Join-Path $packaging 'common\runtime-modules.txt') |
        Where-Object { $_ -and -not $_.StartsWith('#') }) -join ','
Remove-Item -Recurse -Force "$Target\runtime" -ErrorAction SilentlyContinue
Run $jlink @('--module-path', "$jmods;$Target\javafx-modules", '--add-modules', $modules, '--strip-debug',
    '--no-header-files', '--no-man-pages', '--compress=2', '--output', "$Target\runtime")

# the class path without other platforms' natives (an MSI compresses, but per file: the jars stay deflated)
Run (Tool 'java') @((Join-Path $packaging 'common\RepackJars.java'), "$Target\client-input", 'win32-x86-64')

# the app-image, with the client's JVM options (app\client-jvm.options)
$javaOptions = @()
Get-Content (Join-Path $repoRoot 'app\client-jvm.options') | Where-Object { $_.Trim() -and -not $_.Trim().StartsWith('#') } |
        ForEach-Object { $javaOptions += @('--java-options', $_.Trim()) }
Remove-Item -Recurse -Force "$Target\image" -ErrorAction SilentlyContinue
Run (Tool 'jpackage') (@('--type', 'app-image', '--name', 'Switchboard', '--dest', "$Target\image",
    '--input', "$Target\client-input", '--main-jar', "switchboard-app-$Version.jar",
    '--main-class', 'io.switchboard.app.Main', '--runtime-image', "$Target\runtime",
    '--app-version', $numeric, '--vendor', 'Switchboard',
    '--description', 'Switchboard: presence, chat and calls over XMPP and SIP',
    '--icon', (Join-Path $packaging 'common\switchboard.ico')) + $javaOptions)

# the MSIs: harvest the image, then one package per scope
$wix = "$Target\wix"
New-Item -ItemType Directory -Force $wix, "$Target\packages" | Out-Null
$image = "$Target\image\Switchboard"
Run (Tool 'heat') @('dir', $image, '-nologo', '-cg', 'AppFiles', '-dr', 'INSTALLDIR', '-gg', '-srd', '-sfrag',
    '-sreg', '-ke', '-var', 'var.ImageDir', '-out', "$wix\files.wxs")
foreach ($scope in @('perMachine', 'perUser')) {
    $name = if ($scope -eq 'perMachine') { 'machine' } else { 'user' }
    Run (Tool 'candle') @('-nologo', '-arch', 'x64', "-dVersion=$numeric", "-dScope=$scope", "-dImageDir=$image",
        "-dIconFile=$(Join-Path $packaging 'common\switchboard.ico')", '-out', "$wix\$name\",
        (Join-Path $PSScriptRoot 'Switchboard.wxs'), "$wix\files.wxs")
    # per-user: heat's file components sit in the user's profile with file key paths, which ICE38/ICE64
    # flag for roaming profiles; the package installs to %LOCALAPPDATA% (not roaming), so they do not apply
    $validation = if ($scope -eq 'perUser') { @('-sice:ICE38', '-sice:ICE64', '-sice:ICE91') } else { @() }
    Run (Tool 'light') (@('-nologo', '-ext', 'WixUIExtension', '-spdb') + $validation + @('-out',
        "$Target\packages\Switchboard-$numeric-$name.msi", "$wix\$name\Switchboard.wixobj", "$wix\$name\files.wixobj"))
}
# signing hook: with SIGNTOOL_CERT (a .pfx) and SIGNTOOL_PASSWORD set, the packages are signed
if ($env:SIGNTOOL_CERT) {
    Get-ChildItem "$Target\packages\*.msi" | ForEach-Object {
        Run (Tool 'signtool') @('sign', '/fd', 'SHA256', '/f', $env:SIGNTOOL_CERT, '/p', $env:SIGNTOOL_PASSWORD,
            '/tr', 'http://timestamp.digicert.com', '/td', 'SHA256', $_.FullName)
    }
}
Write-Output "package-client: built in $([int]((Get-Date) - $started).TotalSeconds) s:"
Get-ChildItem "$Target\packages"
