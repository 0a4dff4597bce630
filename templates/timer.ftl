<#include "unit.ftl">
<@header/>
<@body/>
