@echo off
rem The Switchboard server's launcher in the distribution archive (Windows): needs Java 17 or newer
rem on the PATH or in JAVA_HOME. bin\switchboard-server.cmd --help lists the commands.
setlocal
set "JAVA_CMD=java"
if defined JAVA_HOME set "JAVA_CMD=%JAVA_HOME%\bin\java"
"%JAVA_CMD%" %JAVA_OPTS% -jar "%~dp0..\lib\switchboard-server.jar" %*
