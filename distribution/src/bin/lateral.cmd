@echo off
rem lateral.cmd: runs lib\lateral.jar with start-up friendly JVM settings (see bin/lateral).
rem The Java: %JAVA%, else runtime\bin\java.exe beside bin\, else %JAVA_HOME%\bin\java.exe, else java on the PATH.
rem Set LATERAL_JAVA_OPTS to add or override JVM options (a collector named there, -XX:+UseG1GC, replaces the serial one).
setlocal
set "LATERAL_HOME=%~dp0.."
set "LATERAL_JAVA=%JAVA%"
if not defined LATERAL_JAVA if exist "%LATERAL_HOME%\runtime\bin\java.exe" set "LATERAL_JAVA=%LATERAL_HOME%\runtime\bin\java.exe"
if not defined LATERAL_JAVA if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "LATERAL_JAVA=%JAVA_HOME%\bin\java.exe"
if not defined LATERAL_JAVA set "LATERAL_JAVA=java"
if not exist "%LATERAL_HOME%\lib\lateral.jar" (
  echo lateral: %LATERAL_HOME%\lib\lateral.jar not found - fix: unpack the whole lateral archive again 1>&2
  exit /b 3
)
rem the serial collector and its sizing: see the notes in bin/lateral
set "LATERAL_GC=-XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:MaxNewSize=128m -XX:MaxRAMPercentage=50"
echo.%LATERAL_JAVA_OPTS% | findstr /r /c:"-XX:+Use[A-Za-z]*GC" >nul && set "LATERAL_GC="
"%LATERAL_JAVA%" -XX:TieredStopAtLevel=1 %LATERAL_GC% %LATERAL_JAVA_OPTS% -jar "%LATERAL_HOME%\lib\lateral.jar" %*
exit /b %ERRORLEVEL%
