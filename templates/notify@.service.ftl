<#include "unit.ftl">
<@comments/>
<#list sections as s><@section s/></#list>
